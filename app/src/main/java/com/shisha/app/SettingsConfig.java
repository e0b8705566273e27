package com.shisha.app;

import com.shisha.ai.AiSettings;
import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.voice.VoiceSettings;
import com.shisha.channels.ChannelSettings;
import com.shisha.core.CoreSettings;
import com.shisha.core.pipeline.PipelineSettings;
import com.shisha.persistence.StoreSettings;
import com.shisha.web.WebSettings;
import com.shisha.web.api.ApiSettings;
import com.shisha.web.api.PortalSettings;
import com.shisha.web.api.UploadSettings;
import com.shisha.web.api.WebChatSettings;
import com.shisha.web.console.ConsoleSettings;
import com.shisha.web.console.IntegrationKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The settings as beans: the configuration classes take these records and never read a variable by name.
 * <p>
 * Loaded again here although {@link InfrastructurePostProcessor} loaded them before the embedded servers started:
 * a test's dynamic properties (its stand-ins' addresses) join the environment only after that, as the context is
 * prepared. Both loads are the same code on the same variables, and take milliseconds.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfig {

    @Bean
    ShishaSettings shishaSettings(Environment environment) {
        return ShishaSettings.load(environment);
    }

    @Bean
    StoreSettings storeSettings(ShishaSettings settings) {
        return settings.stores();
    }

    @Bean
    CoreSettings coreSettings(ShishaSettings settings) {
        return settings.core();
    }

    @Bean
    PipelineSettings pipelineSettings(ShishaSettings settings) {
        return settings.core().pipeline();
    }

    @Bean
    ChannelSettings channelSettings(ShishaSettings settings) {
        return settings.channels();
    }

    @Bean
    AiSettings aiSettings(ShishaSettings settings) {
        return settings.ai();
    }

    @Bean
    VoiceSettings voiceSettings(AiSettings ai) {
        return ai.voice();
    }

    @Bean
    OllamaChatLlm.Settings ollamaSettings(AiSettings ai) {
        return ai.ollama();
    }

    @Bean
    WebSettings webSettings(ShishaSettings settings) {
        return settings.web();
    }

    @Bean
    ApiSettings apiSettings(WebSettings web) {
        return web.api();
    }

    @Bean
    WebChatSettings webChatSettings(WebSettings web) {
        return web.webChat();
    }

    @Bean
    PortalSettings portalSettings(WebSettings web) {
        return web.portal();
    }

    @Bean
    UploadSettings uploadSettings(WebSettings web) {
        return web.uploads();
    }

    @Bean
    ConsoleSettings consoleSettings(WebSettings web) {
        return web.console();
    }

    @Bean
    IntegrationKeys integrationKeys(WebSettings web) {
        return web.operators().integrationKeys();
    }
}
