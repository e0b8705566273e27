package com.shisha.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Twilio's Media Streams messages for a recorded call, as Twilio sends them over the WebSocket: connected, start
 * (with the call, both tracks, 8 kHz μ-law, our custom parameter), then a media message per 20 ms of each track
 * (160 bytes, base64, the timestamp in ms from the stream's start), a mark, and stop.
 */
final class MediaStreamReplay {

    static final int FRAME_BYTES = 160;

    private MediaStreamReplay() {
    }

    static byte[] resource(String path) {
        try (InputStream in = MediaStreamReplay.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> messages(String callSid, String streamSid, long leadCallId, byte[] partner, byte[] customer) {
        List<String> out = new ArrayList<>();
        out.add("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        int seq = 1;
        out.add("{\"event\":\"start\",\"sequenceNumber\":\"" + seq++ + "\",\"start\":{\"accountSid\":\"" + TwilioStandIn.ACCOUNT_SID
                + "\",\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\",\"outbound\"],"
                + "\"customParameters\":{\"c\":\"" + leadCallId + "\"},"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},\"streamSid\":\"" + streamSid + "\"}");
        int frames = Math.max(partner.length, customer.length) / FRAME_BYTES;
        for (int i = 0; i < frames; i++) {
            for (String track : List.of("inbound", "outbound")) {
                byte[] side = track.equals("inbound") ? partner : customer;
                byte[] frame = Arrays.copyOfRange(side, i * FRAME_BYTES, (i + 1) * FRAME_BYTES);
                out.add("{\"event\":\"media\",\"sequenceNumber\":\"" + seq++ + "\",\"media\":{\"track\":\"" + track
                        + "\",\"chunk\":\"" + (i + 1) + "\",\"timestamp\":\"" + (i * 20) + "\",\"payload\":\""
                        + Base64.getEncoder().encodeToString(frame) + "\"},\"streamSid\":\"" + streamSid + "\"}");
            }
        }
        out.add("{\"event\":\"mark\",\"sequenceNumber\":\"" + seq++ + "\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"end\"}}");
        out.add("{\"event\":\"stop\",\"sequenceNumber\":\"" + seq + "\",\"streamSid\":\"" + streamSid + "\",\"stop\":{\"accountSid\":\""
                + TwilioStandIn.ACCOUNT_SID + "\",\"callSid\":\"" + callSid + "\"}}");
        return out;
    }
}
