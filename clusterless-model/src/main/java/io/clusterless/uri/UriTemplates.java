package io.clusterless.uri;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands the subset of RFC 6570 URI templates that store URIs use: simple expansion {@code {var}} and path-segment
 * expansion {@code {/var}} / {@code {/var*}}, one variable per expression. Other operators are rejected rather than
 * expanded wrongly, because the result names objects other programs will look for.
 * <p>
 * Values may be strings, lists of strings or maps of strings. As RFC 6570 prescribes, an undefined variable (absent,
 * null, empty list or map) expands to nothing, characters outside the unreserved set are percent-encoded, and an
 * exploded map expands to {@code /key=value} segments, so {@code {/attempt*}} with {@code attempt = {attempt: 42}}
 * gives {@code /attempt=42} while a plain string {@code 42} gives {@code /42}.
 */
public final class UriTemplates {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriTemplates() {
    }

    /**
     * @throws IllegalArgumentException for an unclosed or unsupported expression, or a value of an unsupported type
     */
    public static String expand(String template, Map<String, ?> variables) {
        StringBuilder result = new StringBuilder(template.length() + 32);
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf('{', position);
            if (open < 0) {
                result.append(template, position, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed expression at position " + open + " in URI template: " + template);
            }
            result.append(template, position, open);
            expandExpression(template, template.substring(open + 1, close), variables, result);
            position = close + 1;
        }
        return result.toString();
    }

    private static void expandExpression(String template, String expression, Map<String, ?> variables,
                                         StringBuilder result) {
        boolean pathSegment = expression.startsWith("/");
        String spec = pathSegment ? expression.substring(1) : expression;
        boolean explode = spec.endsWith("*");
        String name = explode ? spec.substring(0, spec.length() - 1) : spec;
        if (!NAME.matcher(name).matches() || (explode && !pathSegment)) {
            throw new IllegalArgumentException("unsupported expression {" + expression + "} in URI template: " + template
                    + "; only {var}, {/var} and {/var*} are supported");
        }
        List<String> parts = render(name, variables.get(name), explode);
        if (parts.isEmpty()) {
            return;
        }
        if (pathSegment) {
            result.append('/').append(String.join(explode ? "/" : ",", parts));
        } else {
            result.append(String.join(",", parts));
        }
    }

    /** The encoded items of a value; empty when the variable is undefined in the RFC's sense. */
    private static List<String> render(String name, Object value, boolean explode) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        if (value instanceof CharSequence text) {
            parts.add(encode(text.toString()));
        } else if (value instanceof List<?> list) {
            list.stream().filter(item -> item != null).forEach(item -> parts.add(encode(item.toString())));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (item != null) {
                    String pair = explode ? encode(key.toString()) + "=" + encode(item.toString())
                            : encode(key.toString()) + "," + encode(item.toString());
                    parts.add(pair);
                }
            });
        } else {
            throw new IllegalArgumentException("URI template variable " + name + " must be a string, list or map, found: "
                    + value.getClass().getName());
        }
        return parts;
    }

    /** Percent-encodes everything outside RFC 3986 unreserved characters, as UTF-8. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
            }
        }
        return encoded.toString();
    }
}
