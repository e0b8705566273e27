package com.shisha.app;

import com.shisha.channels.twilio.TwilioContentApi;
import com.shisha.channels.twilio.TwilioMessageSender;
import com.shisha.channels.twilio.TwilioSettings;
import com.shisha.channels.twilio.LeadCallPlacer;
import com.shisha.channels.twilio.MediaStreamGuard;
import com.shisha.channels.twilio.MediaStreams;
import com.shisha.channels.twilio.TwilioVoice;
import com.shisha.core.call.LeadCalls;
import com.shisha.channels.twilio.TwilioWebhooks;
import com.shisha.channels.twilio.VoiceCallSender;
import com.shisha.core.call.Calls;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.channels.web.WebChatController;
import com.shisha.channels.web.WebChatHub;
import com.shisha.channels.web.WebChatSender;
import com.shisha.core.Channel;
import com.shisha.core.pipeline.ChannelSender;
import com.shisha.core.pipeline.ChoiceContents;
import com.shisha.core.pipeline.DeliveryStatuses;
import com.shisha.core.pipeline.Fanout;
import com.shisha.core.pipeline.InboundIngest;
import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import com.shisha.channels.ChannelSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which channels exist depends on configuration: the web chat always; WhatsApp and SMS when Twilio is
 * configured. Half a Twilio configuration is an error, not a silently missing channel.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsConfig {

    private static final Logger log = LoggerFactory.getLogger(ChannelsConfig.class);

    /** Twilio's settings if configured. A holder, because Spring reads an Optional parameter as "bean or nothing". */
    record TwilioSetup(Optional<TwilioSettings> settings) {
    }

    @Bean
    TwilioSetup twilioSetup(ChannelSettings channels) {
        if (channels.twilio().isEmpty()) {
            log.warn("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): WhatsApp and SMS are off; "
                    + "the web chat simulator works without them");
        }
        return new TwilioSetup(channels.twilio());
    }

    @Bean
    WebChatHub webChatHub(Fanout fanout) {
        return new WebChatHub(fanout, Duration.ofMinutes(30).toMillis());
    }

    /** Tips on live calls, pushed to the partner's app and dashboard on whichever instance they listen. */
    @Bean
    com.shisha.web.api.LiveTipsHub liveTipsHub(Fanout fanout) {
        return new com.shisha.web.api.LiveTipsHub(fanout, Duration.ofMinutes(30).toMillis());
    }

    /** Runs at the start of shutdown, before the web server waits for active requests to finish. */
    @EventListener(ContextClosedEvent.class)
    void closeWebChatStreams(ContextClosedEvent event) {
        event.getApplicationContext().getBean(WebChatHub.class).closeAll();
        event.getApplicationContext().getBean(com.shisha.web.api.LiveTipsHub.class).closeAll();
    }

    @Bean
    WebChatController webChatController(InboundIngest ingest, WebChatHub hub) {
        return new WebChatController(ingest, hub);
    }

    @Bean
    @ConditionalOnProperty("TWILIO_ACCOUNT_SID")
    FilterRegistrationBean<TwilioWebhooks> twilioWebhooks(InboundIngest ingest, DeliveryStatuses statuses, TwilioSetup twilio,
                                                          MeterRegistry meters) {
        // first in the chain after the path guard: it answers the webhook POSTs itself (why: TwilioWebhooks)
        var registration = new FilterRegistrationBean<>(new TwilioWebhooks(ingest, statuses, twilio.settings().orElseThrow(), meters));
        registration.addUrlPatterns(TwilioWebhooks.MESSAGING, TwilioWebhooks.STATUS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The phone line, with Twilio. A call's turns join the caller's WhatsApp conversation (SMS where WhatsApp is not
     * configured). A question to the coach is recorded and heard here when a speech model listens to the language.
     */
    @Bean
    @ConditionalOnProperty("TWILIO_ACCOUNT_SID")
    FilterRegistrationBean<TwilioVoice> twilioVoice(InboundIngest ingest, Calls calls, DialogEngine dialogs, TwilioSetup twilio,
                                                    SpeechRecognizer speech, ChannelSettings channels, LeadCalls leadCalls,
                                                    com.shisha.core.NamesInHindi names) {
        TwilioSettings settings = twilio.settings().orElseThrow();
        Channel chat = settings.whatsappFrom() != null ? Channel.WHATSAPP : Channel.SMS;
        var registration = new FilterRegistrationBean<>(new TwilioVoice(ingest, calls, dialogs, chat, settings,
                language -> speech.availability(language).ready(), channels.callTurnWait(), leadCalls,
                channels.callerId().orElse(null), names));
        registration.addUrlPatterns(TwilioVoice.VOICE, TwilioVoice.VOICE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The phone line in health: whether calls to leads are bridged, and whether SHISHA listens on calls (live tips, a
     * coach question heard here). Without a speech model it is still UP: the keypad works and the tips say so.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator phoneHealthIndicator(com.shisha.core.call.PhoneLine phoneLine,
            TwilioSetup twilio, SpeechRecognizer speech) {
        return () -> {
            var health = org.springframework.boot.health.contributor.Health.up();
            if (twilio.settings().isEmpty()) {
                return health.withDetail("state", "not configured").withDetail("detail", "TWILIO_ACCOUNT_SID is not set").build();
            }
            health.withDetail("callsToLeads", phoneLine.bridgesCalls() ? "bridged from " + com.shisha.core.PhoneMask.mask(phoneLine.voiceFrom())
                    : "off: no TWILIO_VOICE_FROM and the SMS sender is not a phone number");
            for (com.shisha.core.Language language : com.shisha.core.Language.values()) {
                boolean ready = speech.availability(language).ready();
                health.withDetail("listening." + language.code(), ready ? "on: live tips, and coach questions heard here"
                        : "off: no speech model; the keypad works, live tips say listening is off, coach questions are heard by Twilio");
            }
            return health.build();
        };
    }

    @Bean
    com.shisha.core.call.PhoneLine phoneLine(ChannelSettings channels) {
        return new com.shisha.core.call.PhoneLine(channels.callerId().orElse(null));
    }

    /**
     * Twilio's media streams of bridged calls, over a WebSocket at {@value MediaStreams#PATH}. Tomcat's WebSocket
     * container (Jakarta WebSocket) is started here, since nothing else in the service needs one; the gate upgrades
     * only a request Twilio signed.
     */
    @Bean
    @ConditionalOnProperty("TWILIO_ACCOUNT_SID")
    org.springframework.boot.web.servlet.ServletContextInitializer webSocketContainer() {
        return context -> new org.apache.tomcat.websocket.server.WsSci().onStartup(null, context);
    }

    @Bean
    @ConditionalOnProperty("TWILIO_ACCOUNT_SID")
    FilterRegistrationBean<MediaStreamGuard> mediaStreamGuard(TwilioSetup twilio, com.shisha.core.call.LeadCalls leadCalls,
            com.shisha.core.call.CallCues cues, com.shisha.core.voice.SpeechStreams speech, com.shisha.core.call.LiveFeed feed) {
        MediaStreams streams = new MediaStreams(leadCalls, cues, speech, feed, com.shisha.ai.review.LiveCues::listeningOff);
        var registration = new FilterRegistrationBean<>(new MediaStreamGuard(twilio.settings().orElseThrow(), streams));
        registration.addUrlPatterns(MediaStreams.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setAsyncSupported(true);
        return registration;
    }

    /** Dials partners who asked to be connected to a lead (every SHISHA_CALL_PLACER_MILLIS, default 500; 0: never). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("TWILIO_ACCOUNT_SID")
    LeadCallPlacer leadCallPlacer(LeadCalls leadCalls, TwilioSetup twilio, ChannelSettings channels) {
        Optional<String> from = channels.callerId();
        TwilioSettings settings = twilio.settings().orElseThrow();
        LeadCallPlacer placer = new LeadCallPlacer(leadCalls, TwilioMessageSender.client(settings, 4, channels.timeout()),
                from.orElse(null), settings.publicBaseUrl());
        if (from.isPresent() && !channels.callPlacerEvery().isZero()) {
            placer.start(channels.callPlacerEvery());
        }
        return placer;
    }

    @Bean
    List<ChannelSender> channelSenders(WebChatHub hub, TwilioSetup twilio, ChoiceContents choiceContents, Clock clock,
                                       ChannelSettings channels, MeterRegistry meters, Calls calls) {
        List<ChannelSender> senders = new ArrayList<>();
        senders.add(new WebChatSender(hub));
        twilio.settings().ifPresent(settings -> {
            TwilioRestClient client = TwilioMessageSender.client(settings, channels.maxConnections(), channels.timeout());
            // status callbacks only make sense when Twilio can reach us, i.e. a public base URL was configured
            URI callback = channels.statusCallback().orElse(null);
            if (settings.whatsappFrom() != null) {
                senders.add(new TwilioMessageSender(Channel.WHATSAPP, settings.whatsappFrom(), client, callback,
                        new TwilioContentApi(client, choiceContents, clock)));
            }
            if (settings.smsFrom() != null) {
                senders.add(new TwilioMessageSender(Channel.SMS, settings.smsFrom(), client, callback));
            }
            java.util.Map<Channel, ChannelSender> chat = new java.util.EnumMap<>(Channel.class);
            senders.forEach(sender -> chat.put(sender.channel(), sender));
            senders.add(new VoiceCallSender(calls, chat, clock));
            log.info("Twilio channels on: WhatsApp {}, SMS {}, voice, API {}, Content API {}", settings.whatsappFrom() != null,
                    settings.smsFrom() != null, settings.apiBaseUrl(), settings.contentBaseUrl());
        });
        return senders.stream().map(sender -> OperationsMetrics.counted(sender, meters)).toList();
    }
}
