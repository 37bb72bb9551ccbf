package org.tipline.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least an SMTP server can do: accept every mail and count it. A benchmark of the outbox measures how fast
 * the service hands mail over, which a full test mail server (parsing, mailboxes per recipient) would hide.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread session = new Thread(() -> serve(connection), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            reply(out, "220 sink ready");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the mail itself is not kept
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException ended) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
