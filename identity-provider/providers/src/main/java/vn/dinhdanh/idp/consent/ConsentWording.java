package vn.dinhdanh.idp.consent;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;

/**
 * The words of the consent page, made here once so that the page shows them and the record keeps them, the same
 * characters: the relying party, the purpose's title and description from realm-config, and the claims it needs in the
 * login theme's words for them ({@code consentClaim.<claim>}), in the citizen's language.
 */
public final class ConsentWording {

    private final Locale locale;
    private final Properties messages;
    private final String relyingParty;

    public ConsentWording(KeycloakSession session, ClientModel client, Locale locale) {
        this.locale = locale;
        Properties loaded;
        try {
            loaded = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            loaded = new Properties();
        }
        this.messages = loaded;
        this.relyingParty = client.getName() == null || client.getName().isBlank() || client.getName().startsWith("${")
                ? client.getClientId() : client.getName();
    }

    public String relyingParty() {
        return relyingParty;
    }

    /** The words for one claim, such as "Date of birth". */
    public String claim(String claim) {
        return messages.getProperty("consentClaim." + claim, claim);
    }

    public List<String> claims(Purpose purpose) {
        return purpose.claims().stream().map(this::claim).distinct().toList();
    }

    /**
     * What the page says of this purpose, as one text: who asks, for what, and which data. This is the text the
     * record keeps.
     */
    public String of(Purpose purpose) {
        return format("consentRecordWording", relyingParty, purpose.title(locale), purpose.description(locale), String.join(", ", claims(purpose)));
    }

    private String format(String key, Object... args) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            return relyingParty + " | " + args[1] + " | " + args[2] + " | " + args[3];
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
