package com.leadcast.transport;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link AdmissionHandler} in front of the whole deployment, before Undertow dispatches the request to a
 * worker thread and before authentication, behind {@link CompletionOnIoThread}, which has every exchange end on its
 * IO thread (registered in {@code META-INF/services/io.undertow.servlet.ServletExtension}).
 */
public class TransportExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addInitialHandlerChainWrapper(next -> new CompletionOnIoThread(new AdmissionHandler(next)));
    }
}
