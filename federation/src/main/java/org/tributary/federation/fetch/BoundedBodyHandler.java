package org.tributary.federation.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory but never more than {@code maxBytes}: a declared Content-Length over
 * the limit is refused before reading, and a body that grows past it is cut off by cancelling the
 * stream, so a hostile peer cannot make us buffer an endless response.
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<BoundedBody> {

    private final long maxBytes;

    BoundedBodyHandler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<BoundedBody> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
        return new Subscriber(declared > maxBytes ? 0 : maxBytes, declared > maxBytes);
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<BoundedBody> {
        private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long limit;
        private final boolean refuseAtOnce;
        private Flow.Subscription subscription;

        Subscriber(long limit, boolean refuseAtOnce) {
            this.limit = limit;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<BoundedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (refuseAtOnce) {
                newSubscription.cancel();
                result.complete(new BoundedBody.TooLarge(maxBytes));
            } else {
                newSubscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > limit) {
                    subscription.cancel();
                    result.complete(new BoundedBody.TooLarge(maxBytes));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new BoundedBody.Complete(buffer.toByteArray()));
        }
    }
}
