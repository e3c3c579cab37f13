package org.textvae.poetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives 平聲 rhyme groups from the rhymes of real poems. Two characters that rhyme together in a
 * poem are joined by an edge weighted by the number of such poems; {@link ModularityClustering}
 * cuts the graph into groups, so that the occasional borrowed rhyme (借韻) between neighbouring
 * groups (鄰韻) does not merge them as a single-link rule would. Each group is named by the
 * traditional head characters of the 平水韻 it holds ({@link #HEADS}); a group that holds none is
 * named by its most used character in brackets, as {@code (南)}. A character also joins a second
 * group when at least {@link #SECOND_SHARE} of its rhyming weight, and at least {@link #SECOND_MIN}
 * poems, link it there: characters with two readings (車 in 魚 and 麻) rhyme in both.
 */
public final class RhymeGroups {

    /** The 30 平聲 groups of the 平水韻, upper then lower level tone, by their head characters. */
    public static final String HEADS = "東冬江支微魚虞齊佳灰真文元寒刪先蕭肴豪歌麻陽庚青蒸尤侵覃鹽咸";

    /** The same heads in simplified characters, for groups derived from simplified text. */
    public static final String HEADS_SIMPLIFIED = "东冬江支微鱼虞齐佳灰真文元寒删先萧肴豪歌麻阳庚青蒸尤侵覃盐咸";

    /** Louvain resolution: above 1, since a 平水韻 group is a small part of all rhymes. */
    public static final double RESOLUTION = 4.0;

    static final double SECOND_SHARE = 0.25;
    static final int SECOND_MIN = 5;

    /** One derived group: its name and members, most used first. */
    public record Group(String name, List<Integer> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    private final List<Group> groups;
    private final Map<Integer, List<String>> groupsOf;

    private RhymeGroups(List<Group> groups, Map<Integer, List<String>> groupsOf) {
        this.groups = List.copyOf(groups);
        this.groupsOf = groupsOf;
    }

    /**
     * Derives the groups from the rhyme sets of poems, each the distinct characters that end a
     * poem's rhyming lines.
     */
    public static RhymeGroups derive(List<Set<Integer>> rhymeSets) {
        return derive(rhymeSets, HEADS);
    }

    /**
     * Derives the groups from sets of characters that rhyme together, naming each group by the
     * {@code heads} it holds (else by its most used character, in brackets).
     */
    public static RhymeGroups derive(List<Set<Integer>> rhymeSets, String heads) {
        Map<Integer, Map<Integer, Double>> weights = new TreeMap<>();
        for (Set<Integer> set : rhymeSets) {
            for (int a : set) {
                for (int b : set) {
                    if (a != b) {
                        weights.computeIfAbsent(a, k -> new TreeMap<>()).merge(b, 1.0, Double::sum);
                    }
                }
            }
        }
        List<Integer> nodes = new ArrayList<>(weights.keySet());
        Map<Integer, Double> strength = new HashMap<>();
        weights.forEach(
                (c, links) -> strength.put(c, links.values().stream().mapToDouble(d -> d).sum()));
        nodes.sort(
                Comparator.comparingDouble((Integer c) -> -strength.get(c)).thenComparing(c -> c));
        Map<Integer, Integer> index = new HashMap<>();
        nodes.forEach(c -> index.put(c, index.size()));
        List<Map<Integer, Double>> edges = new ArrayList<>();
        for (int c : nodes) {
            Map<Integer, Double> links = new TreeMap<>();
            weights.get(c).forEach((d, w) -> links.put(index.get(d), w));
            edges.add(links);
        }
        int[] community = new ModularityClustering(RESOLUTION).cluster(edges);
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            while (members.size() <= community[i]) {
                members.add(new ArrayList<>());
            }
            members.get(community[i]).add(nodes.get(i)); // nodes are in order of use already
        }
        List<Group> groups = members.stream().map(m -> new Group(name(m, heads), m)).toList();
        return new RhymeGroups(groups, assign(groups, weights));
    }

    private static String name(List<Integer> members, String heads) {
        StringBuilder name = new StringBuilder();
        heads.codePoints().filter(members::contains).forEach(name::appendCodePoint);
        return name.length() > 0 ? name.toString() : "(" + Character.toString(members.get(0)) + ")";
    }

    private static Map<Integer, List<String>> assign(
            List<Group> groups, Map<Integer, Map<Integer, Double>> weights) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int c : groups.get(g).members()) {
                groupOf.put(c, g);
            }
        }
        Map<Integer, List<String>> result = new TreeMap<>();
        weights.forEach(
                (c, links) -> {
                    double[] toGroup = new double[groups.size()];
                    links.forEach((d, w) -> toGroup[groupOf.get(d)] += w);
                    double total = links.values().stream().mapToDouble(d -> d).sum();
                    List<String> names =
                            new ArrayList<>(List.of(groups.get(groupOf.get(c)).name()));
                    Set<Integer> order =
                            new TreeSet<>(
                                    Comparator.comparingDouble((Integer g) -> -toGroup[g])
                                            .thenComparing(g -> g));
                    for (int g = 0; g < groups.size(); g++) {
                        order.add(g);
                    }
                    for (int g : order) {
                        if (g != groupOf.get(c)
                                && toGroup[g] >= SECOND_MIN
                                && toGroup[g] >= SECOND_SHARE * total) {
                            names.add(groups.get(g).name());
                        }
                    }
                    result.put(c, List.copyOf(names));
                });
        return result;
    }

    /** Returns the groups, in order of their most used character's use. */
    public List<Group> groups() {
        return groups;
    }

    /** Returns each character's groups, its own group first. */
    public Map<Integer, List<String>> byCharacter() {
        return groupsOf;
    }
}
