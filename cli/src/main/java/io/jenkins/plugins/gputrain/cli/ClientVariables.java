package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.TlsVersion;
import io.fabric8.kubernetes.client.utils.Utils;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The numeric and TLS {@code KUBERNETES_*} settings the Kubernetes client parses from system properties or the
 * environment ({@code Config.configFromSysPropsOrEnvVars}), checked before the client sees them: it would fail with
 * an internal {@code NumberFormatException} or {@code IllegalArgumentException}.
 */
final class ClientVariables {
    /**
     * One setting.
     *
     * @param property the system property, e.g. {@code kubernetes.request.timeout}
     * @param valid whether a value is one the client can parse
     * @param expected what is expected, in words
     */
    private record Setting(String property, Predicate<String> valid, String expected) {}

    private static final String MILLIS = "a whole number of milliseconds";
    private static final String COUNT = "a whole number";

    private static final List<Setting> SETTINGS = List.of(
            integer(Config.KUBERNETES_WATCH_RECONNECT_INTERVAL_SYSTEM_PROPERTY, MILLIS),
            integer(Config.KUBERNETES_WATCH_RECONNECT_LIMIT_SYSTEM_PROPERTY, COUNT),
            new Setting(Config.KUBERNETES_SCALE_TIMEOUT_SYSTEM_PROPERTY, ClientVariables::isLong, MILLIS),
            integer(Config.KUBERNETES_LOGGING_INTERVAL_SYSTEM_PROPERTY, MILLIS),
            integer(Config.KUBERNETES_CONNECTION_TIMEOUT_SYSTEM_PROPERTY, MILLIS),
            integer(Config.KUBERNETES_UPLOAD_REQUEST_TIMEOUT_SYSTEM_PROPERTY, MILLIS),
            integer(Config.KUBERNETES_REQUEST_TIMEOUT_SYSTEM_PROPERTY, MILLIS),
            integer(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY, COUNT),
            integer(Config.KUBERNETES_REQUEST_RETRY_BACKOFFINTERVAL_SYSTEM_PROPERTY, MILLIS),
            new Setting(Config.KUBERNETES_WEBSOCKET_PING_INTERVAL_SYSTEM_PROPERTY, ClientVariables::isLong, MILLIS),
            integer(Config.KUBERNETES_MAX_CONCURRENT_REQUESTS, COUNT),
            integer(Config.KUBERNETES_MAX_CONCURRENT_REQUESTS_PER_HOST, COUNT),
            new Setting(
                    Config.KUBERNETES_TLS_VERSIONS,
                    ClientVariables::isTlsVersionList,
                    "a comma-separated list of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(TlsVersion.values())
                                            .map(TlsVersion::javaName)
                                            .toList())));

    private ClientVariables() {}

    /**
     * Checks every setting that is set.
     *
     * @throws CommandFailure naming the first malformed one (the system property, else the environment variable)
     *     and what is expected
     */
    static void check() throws CommandFailure {
        for (Setting setting : SETTINGS) {
            String value = Utils.getSystemPropertyOrEnvVar(setting.property());
            if (value != null && !setting.valid().test(value)) {
                String property = System.getProperty(setting.property());
                String name = property != null && !property.isEmpty()
                        ? "system property " + setting.property()
                        : Utils.convertSystemPropertyNameToEnvVar(setting.property());
                throw new CommandFailure(
                        name + "=" + ErrorReporting.oneLine(value) + ": expected " + setting.expected());
            }
        }
    }

    private static Setting integer(String property, String expected) {
        return new Setting(property, ClientVariables::isInteger, expected);
    }

    private static boolean isInteger(String value) {
        // Integer.parseInt takes what Long.parseLong takes, within int's range
        return isLong(value) && Long.parseLong(value) == (int) Long.parseLong(value);
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isTlsVersionList(String value) {
        try {
            Arrays.stream(value.split(",")).forEach(TlsVersion::forJavaName);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
