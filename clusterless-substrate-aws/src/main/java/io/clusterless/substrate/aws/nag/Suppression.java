package io.clusterless.substrate.aws.nag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One cdk-nag suppression: the rule, why its finding does not apply and, for a granular rule (IAM5), which findings
 * (regular expressions in cdk-nag's {@code /body/flags} form). Rejected when built the way cdk-nag rejects it when a
 * suppression is added, so a bad one fails every synth, not only one that runs cdk-nag.
 */
public record Suppression(String id, String reason, List<String> regexes) {
    /** cdk-nag's shortest reason (JavaScript string length: UTF-16 units, as {@link String#length()}). */
    static final int MIN_REASON = 10;
    /** The first {@code /} to the last one on the line, then the flags: the part cdk-nag hands to RegExp. */
    private static final Pattern REGEX_FORM = Pattern.compile("/(.*)/(.*)?");
    private static final Pattern FINDING_IN_ID = Pattern.compile("\\[.*]");
    private static final Set<Character> FLAGS = Set.of('d', 'g', 'i', 'm', 's', 'u', 'v', 'y');

    public Suppression {
        regexes = List.copyOf(regexes);
        List<String> errors = new ArrayList<>();
        Matcher finding = FINDING_IN_ID.matcher(id);
        if (finding.find()) {
            errors.add("the id contains a finding (" + finding.group() + "); suppress a finding with a regex instead");
        }
        if (reason.length() < MIN_REASON) {
            errors.add("the reason must have " + MIN_REASON + " characters or more");
        }
        for (String regex : regexes) {
            String problem = regexProblem(regex);
            if (problem != null) {
                errors.add("invalid regular expression [" + regex + "]: " + problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("cdk-nag suppression of " + id + ": " + String.join("; ", errors));
        }
    }

    public static Suppression of(String id, String reason) {
        return new Suppression(id, reason, List.of());
    }

    /**
     * What cdk-nag stores for this suppression in a resource's {@code cdk_nag} metadata, key for key in its order:
     * reason, id, applies_to (when given), is_reason_encoded (a reason with a character above U+00FF is stored as the
     * base64 of its UTF-8 bytes).
     */
    Map<String, Object> metadata() {
        boolean encoded = reason.codePoints().anyMatch(c -> c > 255);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("reason", encoded
                ? Base64.getEncoder().encodeToString(reason.getBytes(StandardCharsets.UTF_8)) : reason);
        rule.put("id", id);
        if (!regexes.isEmpty()) {
            List<Object> appliesTo = new ArrayList<>();
            for (String regex : regexes) {
                appliesTo.add(Map.of("regex", regex));
            }
            rule.put("applies_to", appliesTo);
        }
        if (encoded) {
            rule.put("is_reason_encoded", true);
        }
        return rule;
    }

    /**
     * Why cdk-nag would not take {@code regex}, or null. The flags are checked as JavaScript's RegExp checks them;
     * the body is compiled with java.util.regex, which agrees with JavaScript on the expressions suppressions use
     * (literals, classes, groups, quantifiers, anchors), so a broken one fails here and not only under cdk-nag.
     */
    private static String regexProblem(String regex) {
        Matcher form = REGEX_FORM.matcher(regex);
        if (!form.find()) {
            return "write it as /expression/flags";
        }
        String flags = form.group(2) == null ? "" : form.group(2);
        for (int i = 0; i < flags.length(); i++) {
            char flag = flags.charAt(i);
            if (!FLAGS.contains(flag) || flags.indexOf(flag) != i) {
                return "flags must be distinct letters among d, g, i, m, s, u, v, y";
            }
        }
        if (flags.indexOf('u') >= 0 && flags.indexOf('v') >= 0) {
            return "flags u and v exclude each other";
        }
        try {
            Pattern.compile(form.group(1));
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
    }
}
