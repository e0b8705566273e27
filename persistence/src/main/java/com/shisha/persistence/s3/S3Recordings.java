package com.shisha.persistence.s3;

import com.shisha.core.InboundMessage;
import com.shisha.core.coach.Recordings;
import com.shisha.core.voice.MediaFetcher;
import com.shisha.core.voice.VoiceNoteException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Call recordings in one S3 bucket. Presigned PUTs sign Content-Type and Content-Length, so the store itself
 * refuses another type or size; HEAD confirms what arrived; downloads serve the voice-note path as its
 * {@link MediaFetcher}, for {@code s3://bucket/key} addresses of this bucket only.
 */
public class S3Recordings implements Recordings, MediaFetcher {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3Recordings(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedPut presignPut(String key, String contentType, long sizeBytes, Duration validFor) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(b -> b.signatureDuration(validFor)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes)));
        Map<String, String> headers = new LinkedHashMap<>();
        // Host is set by every HTTP client from the URL; the app must send the other signed headers as they are
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new PresignedPut(signed.url().toString(), headers, signed.expiration());
    }

    private static String canonical(String header) {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> header;
        };
    }

    @Override
    public Optional<Stored> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new Stored(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String mediaUrl(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public Fetched fetch(InboundMessage.Media media, long maxBytes) {
        String prefix = "s3://" + bucket + "/";
        if (media.url() == null || !media.url().startsWith(prefix)) {
            throw new VoiceNoteException(VoiceNoteException.Kind.FAILED, "not a recording of this service's bucket");
        }
        String key = media.url().substring(prefix.length());
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            if (in.response().contentLength() != null && in.response().contentLength() > maxBytes) {
                throw new VoiceNoteException(VoiceNoteException.Kind.TOO_LONG, "the recording has " + in.response().contentLength()
                        + " bytes, more than the " + maxBytes + " reviewed");
            }
            byte[] bytes = readAtMost(in, maxBytes);
            return new Fetched(bytes, in.response().contentType());
        } catch (NoSuchKeyException e) {
            throw new VoiceNoteException(VoiceNoteException.Kind.FAILED, "the recording is no longer in storage");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the recording " + key + " failed", e);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new VoiceNoteException(VoiceNoteException.Kind.TOO_LONG, "the recording is larger than " + maxBytes + " bytes");
        }
        return bytes;
    }

    /** For the health check and start-up: the bucket is reachable with these credentials. */
    public void checkBucket() {
        s3.headBucket(b -> b.bucket(bucket));
    }

}
