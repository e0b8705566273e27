package com.shisha.channels.twilio;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a cap: past it the download is cancelled, so a huge or endless body
 * costs at most the cap. (The JDK's ofByteArray would hold all of it first; ofInputStream has no deadline on reads.)
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long cap;
    private final long declaredLength;
    /** Bytes seen when the cap was passed, -1 while under it. Kept here: the client reports a cancel as a bare IOException. */
    private volatile long overflowAt = -1;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long total;

    /** @param declaredLength Content-Length, or -1; above the cap nothing is read */
    CappedBody(long cap, long declaredLength) {
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    long overflowAt() {
        return overflowAt;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > cap) {
            overflow(declaredLength);
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
            if (total > cap) {
                overflow(total);
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.writeBytes(bytes);
        }
    }

    private void overflow(long bytes) {
        overflowAt = bytes;
        subscription.cancel();
        result.completeExceptionally(new java.io.IOException("body exceeds the cap of " + cap + " bytes at " + bytes));
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
