package com.shisha.web.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.shisha.core.companion.PushNotifications;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.Set;

/**
 * Push through Firebase Cloud Messaging's HTTP v1 API with the Admin SDK. The SDK has no setting for FCM's
 * address, so a stand-in (tests) is reached through the HTTP transport: requests for fcm.googleapis.com are
 * opened against {@code fcmBaseUrl} instead; everything else about the request (path, JSON, OAuth token) is the SDK's.
 */
public final class FcmPushNotifications implements PushNotifications, AutoCloseable {

    public static final URI FCM = URI.create("https://fcm.googleapis.com");

    /**
     * Errors that say the token itself will never work again. INVALID_ARGUMENT also covers a malformed message,
     * but ours are built by this class from fixed fields; what varies is the token.
     */
    private static final Set<MessagingErrorCode> DEAD_TOKEN = Set.of(MessagingErrorCode.UNREGISTERED,
            MessagingErrorCode.INVALID_ARGUMENT, MessagingErrorCode.SENDER_ID_MISMATCH);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    /** @param fcmBaseUrl FCM's address; {@link #FCM} in production */
    public FcmPushNotifications(GoogleCredentials credentials, String projectId, URI fcmBaseUrl, int timeoutMillis) {
        NetHttpTransport.Builder transport = new NetHttpTransport.Builder();
        if (!FCM.equals(fcmBaseUrl)) {
            transport.setConnectionFactory(url -> (HttpURLConnection) redirect(url, fcmBaseUrl).openConnection());
        }
        FirebaseOptions options = FirebaseOptions.builder().setCredentials(credentials).setProjectId(projectId)
                .setHttpTransport(transport.build()).setConnectTimeout(timeoutMillis).setReadTimeout(timeoutMillis).build();
        this.app = FirebaseApp.initializeApp(options, "shisha-push-" + System.identityHashCode(this));
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    static URL redirect(URL url, URI base) throws java.io.IOException {
        if (!FCM.getHost().equals(url.getHost())) {
            return url;
        }
        String file = url.getFile();
        return URI.create(base.toString().replaceAll("/+$", "") + file).toURL();
    }

    @Override
    public Outcome send(Push push) {
        Message message = Message.builder().setToken(push.token())
                .setNotification(Notification.builder().setTitle(push.title()).setBody(push.body()).build())
                .putAllData(push.data())
                .build();
        try {
            return new Outcome(Result.SENT, messaging.send(message));
        } catch (FirebaseMessagingException e) {
            MessagingErrorCode code = e.getMessagingErrorCode();
            String detail = (code == null ? e.getErrorCode().name() : code.name()) + ": " + e.getMessage();
            return new Outcome(code != null && DEAD_TOKEN.contains(code) ? Result.INVALID_TOKEN : Result.RETRY, detail);
        } catch (RuntimeException e) {
            // token endpoint or network trouble surfaces as an unchecked exception from the credentials
            return new Outcome(Result.RETRY, e.toString());
        }
    }

    @Override
    public void close() {
        app.delete();
    }
}
