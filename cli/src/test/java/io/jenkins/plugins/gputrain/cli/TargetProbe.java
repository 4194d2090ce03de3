package io.jenkins.plugins.gputrain.cli;

import picocli.CommandLine;

/**
 * Prints the cluster configuration {@link ClusterConnection} builds from its arguments and this JVM's environment (or
 * its one-line failure), and the token after the client's token refresh, so that tests can set the environment of a child JVM instead of changing their own.
 */
final class TargetProbe {
    private TargetProbe() {}

    public static void main(String... args) {
        try {
            ClusterConnection.Target target =
                    CommandLine.populateCommand(new ClusterConnection(), args).target();
            System.out.println("origin=" + target.origin());
            System.out.println("masterUrl=" + target.config().getMasterUrl());
            System.out.println("namespace=" + target.config().getNamespace());
            System.out.println("httpProxy=" + target.config().getHttpProxy());
            System.out.println("httpsProxy=" + target.config().getHttpsProxy());
            String[] noProxy = target.config().getNoProxy();
            System.out.println("noProxy=" + (noProxy == null ? "" : String.join(",", noProxy)));
            System.out.println("requestTimeout=" + target.config().getRequestTimeout());
            System.out.println("token=" + target.config().getAutoOAuthToken());
            System.out.println("refreshedToken=" + target.config().refresh().getAutoOAuthToken());
        } catch (CommandFailure e) {
            System.out.println("failure=" + e.getMessage());
        }
    }
}
