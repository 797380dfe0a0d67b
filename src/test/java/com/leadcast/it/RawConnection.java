package com.leadcast.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** One raw TCP connection to the server, for what java.net.http cannot send: partial requests, held bodies. */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final long opened = System.nanoTime();

    RawConnection(URL base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawConnection send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Everything the server sends until it closes the connection, waiting at most {@code seconds} from the opening
     * (and a moment more, so that a connection already closed when this is called late is seen as closed).
     */
    Closed awaitClose(double seconds) throws IOException {
        long deadline = Math.max(opened + (long) (seconds * 1e9), System.nanoTime() + 200_000_000L);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Closed(false, secondsOpen(), received.toString(StandardCharsets.UTF_8));
            }
            socket.setSoTimeout((int) left);
            try {
                int n = in.read(buffer);
                if (n == -1) {
                    return new Closed(true, secondsOpen(), received.toString(StandardCharsets.UTF_8));
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // loop: the deadline decides
            } catch (IOException e) {
                return new Closed(true, secondsOpen(), received.toString(StandardCharsets.UTF_8) + " [" + e + "]");
            }
        }
    }

    /** Reads until {@code marker} has arrived (e.g. the end of a response's headers), at most {@code seconds}. */
    String readUntil(String marker, double seconds) throws IOException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (!received.toString(StandardCharsets.UTF_8).contains(marker)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            socket.setSoTimeout((int) left);
            try {
                int b = in.read();
                if (b == -1) {
                    break;
                }
                received.write(b);
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private double secondsOpen() {
        return (System.nanoTime() - opened) / 1e9;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** How a connection ended: closed by the server (or not within the wait), after how long, with what. */
    record Closed(boolean byServer, double afterSeconds, String received) {
    }
}
