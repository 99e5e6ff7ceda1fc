package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals each lot's orders per currency: reads the lot's CSV objects (order_id,customer,amount,currency) and writes
 * one JSON object per lot under the sink. Plain SDK for Java v2 code, configured only by the environment: on AWS the
 * function's role and region, locally the endpoint and credentials {@code cls local run} provides.
 */
public class OrderTotals implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    // region, credentials and (locally) the endpoint all come from the environment, as Lambda gives them
    private final S3Client s3 = S3Client.create();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> sources = (Map<String, Object>) event.get("sources");
        Map<String, Object> main = (Map<String, Object>) sources.get("main");
        Map<String, Totals> byCurrency = new TreeMap<>();
        for (Object uri : (List<Object>) main.get("uris")) {
            for (String line : read(URI.create(uri.toString())).split("\n")) {
                String[] fields = line.strip().split(",");
                if (fields.length != 4 || fields[0].equals("order_id")) {
                    continue; // header or blank line
                }
                byCurrency.computeIfAbsent(fields[3].toUpperCase(Locale.ROOT), c -> new Totals())
                        .add(Double.parseDouble(fields[2]));
            }
        }
        Map<String, Object> sinks = (Map<String, Object>) event.get("sinks");
        String pathURI = ((Map<String, Object>) sinks.get("main")).get("pathURI").toString();
        URI target = URI.create(pathURI + "lot=" + event.get("lot") + "/totals.json");
        write(target, json(event.get("lot").toString(), byCurrency));
        List<String> written = new ArrayList<>();
        written.add(target.toString());
        return Map.of("sinks", Map.of("main", written));
    }

    private String read(URI uri) {
        return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(uri.getHost()).key(uri.getPath().substring(1))
                .build()).asString(StandardCharsets.UTF_8);
    }

    private void write(URI uri, String body) {
        s3.putObject(PutObjectRequest.builder().bucket(uri.getHost()).key(uri.getPath().substring(1))
                .contentType("application/json").build(), RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    private static String json(String lot, Map<String, Totals> byCurrency) {
        StringBuilder out = new StringBuilder("{\"lot\":\"").append(lot).append("\",\"currencies\":{");
        String separator = "";
        for (Map.Entry<String, Totals> entry : byCurrency.entrySet()) {
            out.append(separator).append('"').append(entry.getKey()).append("\":{\"orders\":")
                    .append(entry.getValue().orders).append(",\"amount\":")
                    .append(String.format(Locale.ROOT, "%.2f", entry.getValue().amount)).append('}');
            separator = ",";
        }
        return out.append("}}\n").toString();
    }

    private static final class Totals {
        private int orders;
        private double amount;

        void add(double value) {
            orders++;
            amount += value;
        }
    }
}
