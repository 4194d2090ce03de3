package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An exec endpoint that speaks {@code v4.channel.k8s.io} over a plain socket, so that a test decides what follows the
 * exit status, which fabric8's mock server (it answers every close) cannot: the connection reset, or the client's close
 * frame never answered, or the stream broken before the status. It answers a {@code GET} of the pod, accepts one exec, reads and drops the client's frames,
 * writes standard output and the status, then does what {@link End} says.
 */
final class RawExecServer implements AutoCloseable {
    /** What the server does after the exit status. */
    enum End {
        /** Resets the connection (RST): no close frame. */
        RESET,
        /** Keeps the connection open and never answers the client's close frame. */
        SILENT,
        /** Resets the connection after the output, before any exit status: a stream broken while the command ran. */
        BROKEN
    }

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What a {@code GET} of the pod answers: fabric8 reads it to check the exec's container. */
    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\","
            + "\"namespace\":\"test\"},\"spec\":{\"containers\":[{\"name\":\"dvc\"}]}}";

    private final ServerSocket server;
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CompletableFuture<Void> served = new CompletableFuture<>();
    private Socket socket;

    RawExecServer(String stdout, End end) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(stdout, end), "raw-exec-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What one exec of a {@link #RawExecServer(Function) sequence} writes: standard output, then the exit status
     * ({@code null} for none) and a close frame, or no close frame but the end of the connection (a FIN, so that the
     * client reads all of the output first); or, when {@code refusal} is an HTTP status, only that answer to the
     * upgrade.
     */
    record Reply(String stdout, String status, boolean closes, int refusal) {
        Reply(String stdout, int exitCode) {
            this(stdout, RawExecServer.status(exitCode), true, 0);
        }

        /** The stream ends without a status: broken. */
        static Reply broken(String stdout) {
            return new Reply(stdout, null, false, 0);
        }

        /** The stream closes without a status. */
        static Reply withoutStatus(String stdout) {
            return new Reply(stdout, null, true, 0);
        }

        /**
         * kwok v0.8.0's status for a command that exited non-zero: an internal error with no exit code in it
         * (cri-streaming v0.36.1 {@code remotecommand/exec.go} ServeExec, {@code newInternalError}).
         */
        static Reply kwokNonZero(String stdout) {
            return new Reply(
                    stdout,
                    "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"Internal error occurred: error executing"
                            + " command in container: cmd wait: sh -c: exit status 3\",\"reason\":\"InternalError\","
                            + "\"code\":500}",
                    true,
                    0);
        }

        /** The upgrade is answered with this HTTP status, as an API server, kubelet or RBAC refuses it. */
        static Reply refused(int status) {
            return new Reply("", null, false, status);
        }
    }

    /**
     * A server that serves execs until it is closed, each answered by {@code replies} from the exec's command words.
     *
     * @param replies what each exec writes
     * @throws IOException when the server socket cannot be opened
     */
    RawExecServer(Function<List<String>, Reply> replies) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serveAll(replies), "raw-exec-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** The API server URL to give the client. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * A client of this endpoint over okhttp, the HTTP client gpu-train runs with, that sends no request again.
     *
     * @return the client, to close
     */
    KubernetesClient client() {
        return new KubernetesClientBuilder()
                .withHttpClientFactory(new OkHttpClientFactory())
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(url())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    /** Completes once the exec is served, exceptionally when serving failed. */
    CompletableFuture<Void> served() {
        return served;
    }

    private void serve(String stdout, End end) {
        try {
            String key;
            while (true) {
                socket = server.accept();
                key = key(head(socket.getInputStream()));
                if (key != null) {
                    break;
                }
                try (OutputStream out = socket.getOutputStream()) {
                    answerPod(out);
                }
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            upgrade(out, key);
            Thread reader = new Thread(() -> dropFrames(in), "raw-exec-reader");
            reader.setDaemon(true);
            reader.start();
            frame(out, 1, "");
            frame(out, 1, stdout);
            if (end == End.BROKEN) {
                out.flush();
                socket.setSoLinger(true, 0);
                socket.close();
                served.complete(null);
                return;
            }
            frame(out, 3, "{\"metadata\":{},\"status\":\"Success\"}");
            out.flush();
            if (end == End.RESET) {
                clientClosed.await();
                socket.setSoLinger(true, 0);
                socket.close();
            }
            served.complete(null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            served.completeExceptionally(e);
        }
    }

    private void serveAll(Function<List<String>, Reply> replies) {
        try {
            while (true) {
                try (Socket client = server.accept()) {
                    socket = client;
                    String head = head(client.getInputStream());
                    String key = key(head);
                    OutputStream out = client.getOutputStream();
                    if (key == null) {
                        answerPod(out);
                        continue;
                    }
                    Reply reply = replies.apply(command(head));
                    if (reply.refusal() > 0) {
                        refuse(out, reply.refusal());
                        continue;
                    }
                    upgrade(out, key);
                    InputStream in = client.getInputStream();
                    Thread reader = new Thread(() -> dropFrames(in), "raw-exec-reader");
                    reader.setDaemon(true);
                    reader.start();
                    frame(out, 1, "");
                    frame(out, 1, reply.stdout());
                    if (reply.status() != null) {
                        frame(out, 3, reply.status());
                    }
                    if (reply.closes()) {
                        out.write(new byte[] {(byte) 0x88, 2, 3, (byte) 0xe8});
                    }
                    out.flush();
                    // a FIN, then the client's own end: closing with its frames unread would reset the connection
                    client.shutdownOutput();
                    reader.join(10_000);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            served.complete(null);
        }
    }

    private static String status(int exitCode) {
        return exitCode == 0
                ? "{\"metadata\":{},\"status\":\"Success\"}"
                : "{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":"
                        + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + exitCode + "\"}]}}";
    }

    /** The {@code command} words of an exec request, decoded. */
    private static List<String> command(String head) {
        String target = head.substring(head.indexOf(' ') + 1, head.indexOf(" HTTP/"));
        return Arrays.stream(target.substring(target.indexOf('?') + 1).split("&"))
                .filter(parameter -> parameter.startsWith("command="))
                .map(parameter -> URLDecoder.decode(parameter.substring("command=".length()), StandardCharsets.UTF_8))
                .toList();
    }

    /** Reads the client's frames; a close frame (opcode 8) is noted, never answered. */
    private void dropFrames(InputStream in) {
        try {
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    return;
                }
                long length = second & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                in.readNBytes(4 + (int) length);
                if ((first & 0x0f) == 8) {
                    clientClosed.countDown();
                }
            }
        } catch (IOException e) {
            // the connection ended: nothing more to drop
        }
    }

    private static void frame(OutputStream out, int channel, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length + 1;
        out.write(0x82);
        if (length < 126) {
            out.write(length);
        } else {
            out.write(126);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.write(channel);
        out.write(bytes);
    }

    private static void refuse(OutputStream out, int status) throws IOException {
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"code\":"
                        + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Refused\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void answerPod(OutputStream out) throws IOException {
        byte[] pod = POD.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" + "Content-Length: "
                        + pod.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(pod);
    }

    private static void upgrade(OutputStream out, String key) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(key) + "\r\n"
                        + "Sec-WebSocket-Protocol: v4.channel.k8s.io\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a request's head. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before its upgrade request ended");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The key of a request's WebSocket upgrade, {@code null} for a plain request. */
    private static String key(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return null;
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socket != null) {
            socket.close();
        }
    }
}
