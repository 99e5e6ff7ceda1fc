package io.clusterless.local.workload.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The launcher of a lambdaExecArc Java handler, run in its own JVM with the function's jar on the class path
 * (docs/function-contract.md). Handlers as Lambda's Java runtime takes them: {@code package.Class::method} with
 * (input[, Context]) or (InputStream, OutputStream[, Context]), or a class implementing {@link RequestHandler} or
 * {@link RequestStreamHandler}; input and output bound with Jackson. Uses nothing of cls but this class.
 */
public final class JavaLauncher {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private JavaLauncher() {
    }

    /** {@code java -cp launcher:jar JavaLauncher code handler}; the event and result files are appended. */
    static List<String> command(String java, Path code, String handler) {
        Set<String> classPath = new LinkedHashSet<>();
        classPath.add(code.toString());
        for (Class<?> type : List.of(JavaLauncher.class, ObjectMapper.class, JsonFactory.class, JsonInclude.class,
                Context.class)) {
            classPath.add(location(type));
        }
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                String.join(File.pathSeparator, classPath), JavaLauncher.class.getName(), code.toString(), handler);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find the class path entry of " + type.getName(), e);
        }
    }

    public static void main(String[] args) throws Exception {
        String handler = args[1];
        Path eventFile = Path.of(args[2]);
        Path resultFile = Path.of(args[3]);
        ObjectNode body = MAPPER.createObjectNode();
        int status = 0;
        try {
            byte[] event = Files.readAllBytes(eventFile);
            body.set("result", invoke(handler, event, new LocalContext()));
        } catch (Throwable error) {
            Throwable cause = error instanceof InvocationTargetException target && target.getCause() != null
                    ? target.getCause() : error;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            ObjectNode failure = body.putObject("error");
            failure.put("errorType", cause.getClass().getName());
            failure.put("errorMessage", String.valueOf(cause.getMessage()));
            trace.toString().lines().forEach(failure.putArray("stackTrace")::add);
            status = 1;
        }
        Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
        Files.write(tmp, MAPPER.writeValueAsBytes(body));
        Files.move(tmp, resultFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.flush();
        // as Lambda freezes the sandbox on return: threads the handler left running do not hold the lot
        Runtime.getRuntime().halt(status);
    }

    static JsonNode invoke(String handler, byte[] event, Context context) throws Exception {
        String[] parts = handler.split("::", 2);
        Class<?> type = Class.forName(parts[0]);
        Object instance = type.getDeclaredConstructor().newInstance();
        if (parts.length == 1) {
            if (instance instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.size() == 0 ? null : MAPPER.readTree(out.toByteArray());
            }
            if (instance instanceof RequestHandler<?, ?>) {
                return call(instance, method(type, "handleRequest"), event, context);
            }
            throw new IllegalArgumentException(type.getName() + " implements neither RequestHandler nor "
                    + "RequestStreamHandler; name its method as " + type.getName() + "::method");
        }
        return call(instance, method(type, parts[1]), event, context);
    }

    /** The public method of that name Lambda would pick: not a bridge, with the most parameters. */
    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " has no public method " + name
                        + " taking (input[, Context]) or (InputStream, OutputStream[, Context])"));
    }

    private static JsonNode call(Object instance, Method method, byte[] event, Context context) throws Exception {
        Class<?>[] parameters = method.getParameterTypes();
        Type[] generic = method.getGenericParameterTypes();
        if (parameters[0] == InputStream.class && parameters.length >= 2 && parameters[1] == OutputStream.class) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Object> arguments = new ArrayList<>(List.of(new ByteArrayInputStream(event), out));
            if (parameters.length == 3) {
                arguments.add(context);
            }
            method.invoke(instance, arguments.toArray());
            return out.size() == 0 ? null : MAPPER.readTree(out.toByteArray());
        }
        Object input = MAPPER.readValue(new String(event, StandardCharsets.UTF_8),
                MAPPER.getTypeFactory().constructType(generic[0]));
        Object output = parameters.length >= 2 ? method.invoke(instance, input, context) : method.invoke(instance, input);
        return MAPPER.valueToTree(output);
    }

    /** The parts of Lambda's context a handler may use; the logger writes to the arc's log. */
    private static final class LocalContext implements Context {
        private final long deadline = deadline();
        private final String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");

        private static long deadline() {
            String value = System.getenv("CLS_FUNCTION_DEADLINE_MS");
            return value == null ? System.currentTimeMillis() + 900_000 : Long.parseLong(value);
        }

        @Override
        public String getAwsRequestId() {
            return System.getenv().getOrDefault("CLS_ATTEMPT", "local");
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
