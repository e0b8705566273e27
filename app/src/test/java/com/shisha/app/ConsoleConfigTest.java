package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleConfigTest {

    private final ConsoleConfig config = new ConsoleConfig();

    private static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("production");
        return env;
    }

    @Test
    void productionRefusesTheDevelopmentAdminPassword() {
        MockEnvironment env = production().withProperty("SHISHA_ADMIN_EMAIL", "ops@gromo.in")
                .withProperty("SHISHA_ADMIN_PASSWORD", ConsoleConfig.DEV_ADMIN_PASSWORD);
        assertThatThrownBy(() -> config.firstAdmin(env)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("SHISHA_ADMIN_PASSWORD").hasMessageContaining("development default");
    }

    @Test
    void aShortAdminPasswordIsRefusedAnywhere() {
        MockEnvironment env = new MockEnvironment().withProperty("SHISHA_ADMIN_PASSWORD", "short");
        assertThatThrownBy(() -> config.firstAdmin(env)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("at least 12");
    }

    @Test
    void productionHasNoDefaultAdminAndDevelopmentHasThePublishedOne() {
        ConsoleConfig.FirstAdmin none = config.firstAdmin(production());
        assertThat(none.email()).isNull();
        assertThat(none.password()).isNull();
        ConsoleConfig.FirstAdmin dev = config.firstAdmin(new MockEnvironment());
        assertThat(dev.email()).isEqualTo(ConsoleConfig.DEV_ADMIN_EMAIL);
        assertThat(dev.password()).isEqualTo(ConsoleConfig.DEV_ADMIN_PASSWORD);
    }
}
