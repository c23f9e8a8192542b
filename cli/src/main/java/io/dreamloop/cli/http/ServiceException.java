package io.dreamloop.cli.http;

/**
 * A call to a service failed: it could not be reached (status 0) or answered with an error. The
 * message names the call and carries the service's own explanation.
 */
public final class ServiceException extends IllegalStateException {
    private final int status;

    /**
     * @param method HTTP method
     * @param url the URL called
     * @param status the HTTP status, 0 when there was no answer
     * @param message what went wrong
     */
    public ServiceException(
            final String method, final String url, final int status, final String message) {
        super(
                status == 0
                        ? "%s %s: %s".formatted(method, url, message)
                        : "%s %s: %d %s".formatted(method, url, status, message));
        this.status = status;
    }

    /** The HTTP status, 0 when the service did not answer. */
    public int status() {
        return status;
    }
}
