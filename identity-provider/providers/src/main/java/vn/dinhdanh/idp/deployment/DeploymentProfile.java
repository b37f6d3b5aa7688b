package vn.dinhdanh.idp.deployment;

/**
 * Whether this server runs the demo profile. Only {@code ./dinhdanh demo} (and the tests, which start the server
 * through it) sets {@value #VARIABLE}{@code =demo}; every other start is a production start, and a production start
 * refuses what only a demo may use: the published audit key, the SMS outbox, a demo or test CSCA.
 */
public final class DeploymentProfile {

    public static final String VARIABLE = "DINHDANH_PROFILE";

    private DeploymentProfile() {
    }

    public static boolean isDemo() {
        return "demo".equals(System.getenv(VARIABLE));
    }

    /**
     * Stops the start of a production server that would use a demo-only thing.
     *
     * @param demoOnly whether what the server is about to use is demo-only
     * @param what     what it is and what the operator should do instead
     */
    public static void refuseInProduction(boolean demoOnly, String what) {
        if (demoOnly && !isDemo()) {
            throw new IllegalStateException("dinhdanh production start refused: " + what
                    + " (allowed only in the demo profile, ./dinhdanh demo)");
        }
    }
}
