package contract;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers exercising the lambdaExecArc contract from Java, with the AWS SDK for Java v2 as on Lambda. */
public class Handlers {
    private final S3Client s3 = S3Client.create();

    private static String[] split(String uri) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return new String[]{rest.substring(0, slash), rest.substring(slash + 1)};
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> upper(Map<String, Object> event, Context context) throws Exception {
        Map<String, Object> sources = (Map<String, Object>) event.get("sources");
        Map<String, Object> main = (Map<String, Object>) sources.get("main");
        Map<String, Object> sinks = (Map<String, Object>) event.get("sinks");
        String sink = (String) ((Map<String, Object>) sinks.get("main")).get("pathURI");
        List<String> written = new ArrayList<>();
        for (String uri : (List<String>) main.get("uris")) {
            String[] source = split(uri);
            String body = s3.getObjectAsBytes(b -> b.bucket(source[0]).key(source[1])).asUtf8String();
            String target = sink + "lot=" + event.get("lot") + "/" + source[1].substring(source[1].lastIndexOf('/') + 1);
            String[] to = split(target);
            s3.putObject(b -> b.bucket(to[0]).key(to[1]), RequestBody.fromString(body.toUpperCase()));
            written.add(target);
        }
        String target = sink + "lot=" + event.get("lot") + "/event.json";
        String[] to = split(target);
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("event", event);
        seen.put("env", System.getenv("FIELD"));
        seen.put("remaining", context.getRemainingTimeInMillis());
        s3.putObject(b -> b.bucket(to[0]).key(to[1]), RequestBody.fromString(
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(seen)));
        written.add(target);
        context.getLogger().log("wrote " + written.size() + " objects\n");
        return Map.of("sinks", Map.of("main", written));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> nothing(Map<String, Object> event, Context context) {
        Map<String, Object> main = (Map<String, Object>) ((Map<String, Object>) event.get("sources")).get("main");
        System.out.println("nothing to do for " + main.get("state") + " lot");
        return null;
    }

    public Map<String, Object> fail(Map<String, Object> event) {
        throw new IllegalArgumentException("bad row 3 in " + event.get("lot"));
    }

    public Map<String, Object> hang(Map<String, Object> event) throws InterruptedException {
        Thread.sleep(600_000);
        return null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> outside(Map<String, Object> event) {
        Map<String, Object> main = (Map<String, Object>) ((Map<String, Object>) event.get("sources")).get("main");
        return Map.of("sinks", Map.of("main", main.get("uris")));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> put_outside(Map<String, Object> event) {
        Map<String, Object> sinks = (Map<String, Object>) event.get("sinks");
        String bucket = split((String) ((Map<String, Object>) sinks.get("main")).get("pathURI"))[0];
        s3.putObject(b -> b.bucket(bucket).key("elsewhere/x.txt"), RequestBody.fromString("x"));
        return Map.of("sinks", Map.of("main", List.of("s3://" + bucket + "/elsewhere/x.txt")));
    }
}
