package org.leadingtogether.privacy;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadingtogether.platform.CachedJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /account/my-data}: the signed-in person's subject access download, as indented JSON in UTF-8. Under
 * {@code /account/*}, so anyone signed in reaches it, and only ever for themselves.
 */
@WebServlet("/account/my-data")
public class MyDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private PrivacyService privacy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject data = privacy.exportMyData();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonWriter writer = CachedJson.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8))) {
            writer.writeObject(data);
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"my-data-" + LocalDate.now() + ".json\"");
        response.setContentLength(body.size());
        response.getOutputStream().write(body.toByteArray());
    }
}
