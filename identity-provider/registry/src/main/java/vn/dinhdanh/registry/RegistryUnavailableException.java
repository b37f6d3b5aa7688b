package vn.dinhdanh.registry;

/**
 * The registry could not answer (network failure, timeout, unexpected response). Distinct from "not found", which
 * is an empty result. The message never contains personal data.
 */
public class RegistryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
