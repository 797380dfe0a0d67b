package com.leadcast.transport;

import com.leadcast.observability.RequestObserver;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link AdmissionHandler} in front of the whole deployment, before Undertow dispatches the request to a
 * worker thread and before authentication, behind {@link RequestObserver} (every request's id and access-log line,
 * refusals included) and {@link CompletionOnIoThread}, which has every exchange end on its IO thread (registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}). The observer's completion listener is registered
 * after {@link CompletionOnIoThread}'s, so it runs before it: the access log is written on the worker.
 */
public class TransportExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addInitialHandlerChainWrapper(
                next -> new CompletionOnIoThread(new RequestObserver(new AdmissionHandler(next), servletContext)));
    }
}
