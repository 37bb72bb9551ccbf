package org.tipline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whether SMS is on, without Quarkus: all four settings or none, and nothing written when it is off. */
class SmsGatewayTest {

    private static final String TOKEN = "secret-token-" + UUID.randomUUID();

    private record Settings(Optional<String> url, Optional<String> account, Optional<String> token, Optional<String> from)
            implements SmsSettings {

        static Settings of(String url, String account, String token, String from) {
            return new Settings(Optional.ofNullable(url), Optional.ofNullable(account), Optional.ofNullable(token),
                    Optional.ofNullable(from));
        }

        @Override
        public String toString() {
            return "Settings"; // holds the token
        }
    }

    private static final Settings FULL = Settings.of("https://api.example.com/2010-04-01/Accounts/AC1/Messages.json", "AC1",
            TOKEN, "+13075550100");

    @Test
    void shouldBeOffWithNoSettingAndOnWithAll() {
        assertThat(SmsGateway.of(Settings.of(null, null, null, null))).isEmpty();
        assertThat(SmsGateway.of(Settings.of(" ", "", null, null))).as("blank is not set").isEmpty();
        assertThat(SmsGateway.of(FULL)).hasValueSatisfying(gateway -> {
            assertThat(gateway.url()).hasToString(FULL.url().get());
            assertThat(gateway.toString()).contains("token=[redacted]").doesNotContain(TOKEN);
        });
    }

    @Test
    void shouldStopTheStartOnAGatewayConfiguredInPartNamingWhatIsMissing() {
        assertThatThrownBy(() -> SmsGateway.of(Settings.of(FULL.url().get(), "AC1", null, null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Tipline cannot start: an SMS gateway is configured in part; set tipline.sms.token, "
                        + "tipline.sms.from as well, or none of tipline.sms.* to leave SMS off");
        assertThatThrownBy(() -> SmsGateway.of(Settings.of(null, "AC1", TOKEN, "+13075550100")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("set tipline.sms.url as well")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> SmsGateway.of(Settings.of("api.example.com/Messages", "AC1", TOKEN, "+13075550100")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tipline.sms.url must be an http or https URL")
                .hasMessageNotContaining("api.example.com/Messages");
    }

    @Test
    void shouldWriteNothingWhenSmsIsOff() {
        Outbox off = new Outbox(new ObjectMapper(), Clock.systemUTC(), Settings.of(null, null, null, null));

        assertThat(off.smsOn()).isFalse();
        SmsText text = new SmsText("T-2026-000001", "LIFE_SAFETY", "School", "link");
        // Outside Quarkus an outbox row cannot be stored: a write throws, as it does with SMS on.
        off.enqueueSms(UUID.randomUUID(), "+13075550123", text);
        Outbox on = new Outbox(new ObjectMapper(), Clock.systemUTC(), FULL);
        assertThatThrownBy(() -> on.enqueueSms(UUID.randomUUID(), "+13075550123", text))
                .isNotInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseANumberThatIsNotE164WithoutRepeatingIt() {
        Outbox on = new Outbox(new ObjectMapper(), Clock.systemUTC(), FULL);

        assertThat(on.smsOn()).isTrue();
        for (String bad : new String[] { "2125550188", "+0212555018", "+1 212 555 0188", "+1234567890123456", "+12345" }) {
            assertThatThrownBy(() -> on.enqueueSms(null, bad, new SmsText("T", "STANDARD", "S", "l")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(bad);
        }
        assertThat(MobileNumbers.isValid("+13075550123")).isTrue();
        assertThat(MobileNumbers.isValid("+4915123456789")).isTrue();
        assertThat(MobileNumbers.isValid(null)).isFalse();
    }

    @Test
    void shouldRenderTheFixedText() {
        assertThat(new SmsText("T-2026-000123", "LIFE_SAFETY", "Kelly Walsh High School", "https://t.example/console/tips/1")
                .render()).isEqualTo("Tip T-2026-000123, LIFE-SAFETY, Kelly Walsh High School - open the console: "
                        + "https://t.example/console/tips/1");
        assertThat(new SmsText("T-2026-000124", "STANDARD", "Dean Morgan", "l").render())
                .isEqualTo("Tip T-2026-000124, STANDARD, Dean Morgan - open the console: l");
    }

    @Test
    void shouldEncodeTheFormFields() {
        assertThat(SmsSender.form("+13075550123", "+13075550100", "Tip T-1, STANDARD, A & B — x: http://h/p?a=1"))
                .isEqualTo("To=%2B13075550123&From=%2B13075550100&Body=Tip+T-1%2C+STANDARD%2C+A+%26+B+%E2%80%94+x%3A+http%3A%2F%2Fh%2Fp%3Fa%3D1");
    }
}
