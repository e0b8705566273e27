package com.shisha.web;

import com.shisha.web.api.ApiProblem;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The container's own refusals in the one JSON error shape. Tomcat refuses some requests before any filter or
 * servlet runs (a request line or headers over the size limit, an encoded '/' or '\' in the path, a path that does
 * not decode) and answers them through the host's error report valve, never through /error; its own valve writes
 * an HTML page. Errors the application raised have already written their JSON by the time this runs, and are left
 * alone.
 */
final class ContainerErrorValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ApiProblem problem = JsonErrorController.problem(status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // nothing more can be said to a client that is gone or a response that cannot take a body
        }
    }
}
