package com.leadcast.transport;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a request body in full, without blocking, on the connection's IO thread, then hands the exchange with the
 * body buffered to the rest of the chain, so that a worker thread is taken only for a complete body. Reading stops
 * with a {@code 413} as soon as the body crosses {@link RequestLimits#MAX_BODY_BYTES} (a chunked body has no
 * length to refuse up front) and with a {@code 408} when it is not complete within
 * {@link RequestLimits#BODY_TIMEOUT}; both close the connection. A client that asked for {@code 100-continue}
 * (RFC 9110 §10.1.1) gets it before reading starts.
 */
final class BodyBuffer implements ChannelListener<StreamSourceChannel> {

    private static final Logger LOG = Logger.getLogger(BodyBuffer.class.getName());

    private final HttpServerExchange exchange;
    private final HttpHandler next;
    private final List<PooledByteBuffer> buffers = new ArrayList<>();
    private PooledByteBuffer current;
    private StreamSourceChannel channel;
    private XnioExecutor.Key deadline;
    private long read;
    private boolean done;

    private BodyBuffer(HttpServerExchange exchange, HttpHandler next) {
        this.exchange = exchange;
        this.next = next;
    }

    /** Reads the body of {@code exchange}, then runs {@code next}; must run dispatched, on the IO thread. */
    static void readThen(HttpServerExchange exchange, HttpHandler next) {
        new BodyBuffer(exchange, next).start();
    }

    private void start() {
        deadline = exchange.getIoThread().executeAfter(this::expire, RequestLimits.BODY_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        if (HttpContinue.requiresContinueResponse(exchange)) {
            HttpContinue.sendContinueResponse(exchange, new IoCallback() {
                @Override
                public void onComplete(HttpServerExchange exchange, Sender sender) {
                    // answered here, so nothing further down the chain sends a second one
                    exchange.getRequestHeaders().remove(Headers.EXPECT);
                    startReading();
                }

                @Override
                public void onException(HttpServerExchange exchange, Sender sender, IOException e) {
                    abort(e);
                }
            });
        } else {
            startReading();
        }
    }

    private void startReading() {
        channel = exchange.getRequestChannel();
        channel.getReadSetter().set(this);
        handleEvent(channel);
    }

    @Override
    public void handleEvent(StreamSourceChannel channel) {
        if (done) {
            return;
        }
        try {
            if (readAvailable()) {
                finish();
                Connectors.executeRootHandler(next, exchange);
            } else if (read > RequestLimits.MAX_BODY_BYTES) {
                refuse(Admission.tooLarge("The request body has more than " + RequestLimits.MAX_BODY_BYTES + " bytes"));
            } else {
                channel.resumeReads();
            }
        } catch (IOException e) {
            abort(e);
        }
    }

    /** Reads what the channel holds; true when the body is complete, false when it must wait (or is too large). */
    private boolean readAvailable() throws IOException {
        while (read <= RequestLimits.MAX_BODY_BYTES) {
            if (current == null) {
                current = exchange.getConnection().getByteBufferPool().allocate();
            }
            ByteBuffer buffer = current.getBuffer();
            int r = channel.read(buffer);
            if (r == -1) {
                keepCurrent();
                return true;
            }
            if (r == 0) {
                return false;
            }
            read += r;
            if (!buffer.hasRemaining()) {
                keepCurrent();
            }
        }
        return false;
    }

    private void keepCurrent() {
        if (current != null && current.getBuffer().position() > 0) {
            current.getBuffer().flip();
            buffers.add(current);
        } else if (current != null) {
            current.close();
        }
        current = null;
    }

    /** Stops reading and puts the body back in front of the request channel for the servlet to read. */
    private void finish() {
        stop();
        if (!buffers.isEmpty()) {
            Connectors.ungetRequestBytes(exchange, buffers.toArray(PooledByteBuffer[]::new));
            buffers.clear();
        }
        Connectors.resetRequestChannel(exchange);
    }

    private void expire() {
        if (!done) {
            refuse(Admission.bodyTimedOut());
        }
    }

    private void refuse(Admission.Refuse refusal) {
        stop();
        release();
        if (exchange.isResponseStarted()) {
            IoUtils.safeClose(exchange.getConnection());
        } else {
            Refusals.send(exchange, refusal);
        }
    }

    private void abort(IOException e) {
        LOG.log(Level.FINE, "Reading a request body failed; closing the connection", e);
        stop();
        release();
        IoUtils.safeClose(exchange.getConnection());
    }

    private void stop() {
        done = true;
        deadline.remove();
        if (channel != null) {
            channel.getReadSetter().set(null);
            channel.suspendReads();
        }
    }

    private void release() {
        buffers.forEach(PooledByteBuffer::close);
        buffers.clear();
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
