package org.tipline.incidents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike short texts are, computed in memory and forgotten: the cosine of their word vectors weighted by inverse
 * document frequency over the texts compared together (words every text shares count little), averaged with the
 * cosine of their character trigrams (which catches "shooting"/"shoot" and typos). Words are lower-cased, stripped
 * of accents and of a few English and Spanish endings; words shorter than three letters and common function words are
 * left out. Nothing is stored: the texts are tips' decrypted descriptions.
 */
final class TextSimilarity {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "that", "this", "with", "for", "are", "was", "were",
            "have", "has", "had", "his", "her", "she", "him", "they", "them", "their", "there", "from", "about", "will",
            "would", "said", "says", "not", "but", "you", "your", "who", "what", "when", "been", "into", "our", "its",
            "que", "los", "las", "una", "por", "con", "para", "del", "como", "pero", "sus", "esta", "este");
    private static final String[] ENDINGS = { "ings", "ing", "ies", "ed", "es", "s" };

    private final List<Map<String, Double>> words = new ArrayList<>();
    private final List<Map<String, Double>> trigrams = new ArrayList<>();

    /** Prepares the texts; {@link #score} then compares any two of them by their index. */
    TextSimilarity(List<String> texts) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<List<String>> tokenized = texts.stream().map(TextSimilarity::stems).toList();
        for (List<String> tokens : tokenized) {
            new HashSet<>(tokens).forEach(token -> documentFrequency.merge(token, 1, Integer::sum));
        }
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Double> vector = new HashMap<>();
            for (String token : tokenized.get(i)) {
                double idf = Math.log(1.0 + (double) texts.size() / documentFrequency.get(token));
                vector.merge(token, idf, Double::sum);
            }
            words.add(vector);
            trigrams.add(trigrams(String.join(" ", tokenized.get(i))));
        }
    }

    /** From 0 (nothing in common) to 1 (the same words). */
    double score(int first, int second) {
        return (cosine(words.get(first), words.get(second)) + cosine(trigrams.get(first), trigrams.get(second))) / 2;
    }

    static List<String> stems(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> stems = new ArrayList<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    private static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static Map<String, Double> trigrams(String text) {
        Map<String, Double> grams = new HashMap<>();
        String padded = " " + text + " ";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.merge(padded.substring(i, i + 3), 1.0, Double::sum);
        }
        return grams;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            dot += entry.getValue() * b.getOrDefault(entry.getKey(), 0.0);
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> vector) {
        return Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
    }
}
