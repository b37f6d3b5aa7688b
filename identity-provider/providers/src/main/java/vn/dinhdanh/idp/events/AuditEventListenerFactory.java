package vn.dinhdanh.idp.events;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;
import vn.dinhdanh.idp.audit.AuditTrail;
import vn.dinhdanh.idp.audit.SubjectPseudonym;
import vn.dinhdanh.idp.deployment.DeploymentProfile;

/**
 * dinhdanh's audit listener. Options ({@code --spi-events-listener--dinhdanh-audit--<name>}):
 * {@code pseudonym-key} (required, at least 32 characters: the key of the citizens' pseudonyms in the audit trail; it
 * must live outside the database) and {@code checkpoint-interval} (seconds between signed checkpoints, default 60).
 */
public final class AuditEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "dinhdanh-audit";
    static final String CHECKPOINT_TASK = "dinhdanh-audit-checkpoint";
    private long checkpointIntervalMillis;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        String key = config.get("pseudonym-key");
        if (key == null || key.length() < SubjectPseudonym.MIN_KEY_LENGTH) {
            throw new IllegalStateException("dinhdanh: set the audit pseudonym key (DINHDANH_AUDIT_PSEUDONYM_KEY, at least "
                    + SubjectPseudonym.MIN_KEY_LENGTH + " characters): the audit trail names citizens by a keyed pseudonym only");
        }
        DeploymentProfile.refuseInProduction(key.startsWith(SubjectPseudonym.DEMO_KEY_PREFIX),
                "DINHDANH_AUDIT_PSEUDONYM_KEY is the published demo key; choose a secret of your own");
        AuditTrail.configure(new SubjectPseudonym(key));
        checkpointIntervalMillis = Math.max(5, config.getLong("checkpoint-interval", 60L)) * 1000L;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(AccountConsoleScopes::onEvent);
        ExceptionMessageScrubber.install();
        AuditTrail.start(factory);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(AuditTrail::checkpoint, checkpointIntervalMillis, CHECKPOINT_TASK));
    }

    @Override
    public void close() {
        AuditTrail.stop();
    }

    @Override
    public String getId() {
        return ID;
    }
}
