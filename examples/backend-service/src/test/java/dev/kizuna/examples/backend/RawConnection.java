package dev.kizuna.examples.backend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection on a plain socket, kept alive across requests: to send what the JDK's client will not (half
 * a request, a body that stops) and to see exactly when the server answers or closes.
 */
final class RawConnection implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawConnection(int port, int readTimeoutMillis) throws IOException {
        this(port, readTimeoutMillis, 0);
    }

    /** A connection whose receive buffer is {@code receiveBuffer} bytes (0 for the system's default). */
    RawConnection(int port, int readTimeoutMillis, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** An answer: its status, its {@code Connection} header (empty when absent) and its body. */
    record Response(int status, String connection, String body) {
        boolean closes() {
            return connection.equalsIgnoreCase("close");
        }
    }

    static byte[] post(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(bytes, 0, request, head.length, bytes.length);
        return request;
    }

    static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a request and reads its answer. */
    Response exchange(byte[] request) throws IOException {
        send(request);
        return read();
    }

    /**
     * Reads one answer.
     *
     * @throws EOFException if the server closed the connection before a whole answer
     */
    Response read() throws IOException {
        String status = line();
        if (status.isEmpty()) {
            throw new EOFException("the server closed the connection without an answer");
        }
        int length = 0;
        String connection = "";
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("connection:")) {
                connection = header.substring(11).trim();
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the server closed the connection after " + body.length + " of " + length
                    + " bytes of the answer");
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), connection,
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Reads whatever comes until the server closes the connection, and returns how many bytes came.
     *
     * @throws SocketTimeoutException if the connection stays open for the read timeout
     */
    long readUntilClosed() throws IOException {
        long count = 0;
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count += n;
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException e) {
            // Reset by the server: closed as well.
        }
        return count;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
