package vn.dinhdanh.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's development SMS outbox ({@code data/sms-outbox.jsonl}): what a citizen's phone would have received. */
public final class SmsOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Path file;

    public SmsOutbox(DinhdanhServer server) {
        this.file = server.home().resolve("data").resolve("sms-outbox.jsonl");
    }

    /** Every message so far, oldest first. */
    public List<JsonNode> messages() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> all = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The messages sent to this number after the first {@code skip} messages of the outbox. */
    public List<JsonNode> sentTo(String phoneNumber, int skip) {
        List<JsonNode> all = messages();
        return all.subList(Math.min(skip, all.size()), all.size()).stream()
                .filter(m -> phoneNumber.equals(m.path("to").asText())).toList();
    }

    /** The six-digit code in the newest message to this number. */
    public Optional<String> latestCodeFor(String phoneNumber) {
        List<JsonNode> to = sentTo(phoneNumber, 0);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(to.get(to.size() - 1).path("text").asText());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
