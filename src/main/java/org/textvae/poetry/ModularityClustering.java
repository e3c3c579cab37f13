package org.textvae.poetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a weighted undirected graph into communities by the Louvain method (Blondel, Guillaume,
 * Lambiotte and Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. 2008):
 * move single nodes to the neighbouring community that raises modularity most, merge each community
 * into one node, and repeat until nothing moves. A resolution above 1 favours smaller communities.
 * Nodes are visited in index order and ties go to the lower community number, so the result is a
 * pure function of the graph.
 */
public final class ModularityClustering {

    private final double resolution;

    /** Makes a clusterer; {@code resolution} (γ) must be positive. */
    public ModularityClustering(double resolution) {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
        this.resolution = resolution;
    }

    /**
     * Returns each node's community, numbered from 0 in order of each community's lowest node.
     *
     * @param edges for each node, its neighbours and the edge weights (symmetric, no self-loops)
     */
    public int[] cluster(List<Map<Integer, Double>> edges) {
        int n = edges.size();
        int[] community = new int[n];
        for (int i = 0; i < n; i++) {
            community[i] = i;
        }
        List<Map<Integer, Double>> graph = edges;
        while (true) {
            int[] moved = moveNodes(graph);
            int count = renumber(moved);
            if (count == graph.size()) {
                break;
            }
            for (int i = 0; i < n; i++) {
                community[i] = moved[community[i]];
            }
            graph = aggregate(graph, moved, count);
        }
        renumber(community);
        return community;
    }

    /** One round of local moving; returns each node's community. */
    private int[] moveNodes(List<Map<Integer, Double>> graph) {
        int n = graph.size();
        double[] strength = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (double w : graph.get(i).values()) {
                strength[i] += w;
            }
            total += strength[i];
        }
        int[] community = new int[n];
        double[] communityStrength = strength.clone();
        for (int i = 0; i < n; i++) {
            community[i] = i;
        }
        if (total == 0) {
            return community;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                int own = community[i];
                communityStrength[own] -= strength[i];
                Map<Integer, Double> links = new TreeMap<>();
                for (Map.Entry<Integer, Double> edge : graph.get(i).entrySet()) {
                    if (edge.getKey() != i) {
                        links.merge(community[edge.getKey()], edge.getValue(), Double::sum);
                    }
                }
                int best = own;
                double bestGain =
                        gain(
                                links.getOrDefault(own, 0.0),
                                communityStrength[own],
                                strength[i],
                                total);
                for (Map.Entry<Integer, Double> link : links.entrySet()) {
                    double g =
                            gain(
                                    link.getValue(),
                                    communityStrength[link.getKey()],
                                    strength[i],
                                    total);
                    if (g > bestGain || (g == bestGain && link.getKey() < best)) {
                        best = link.getKey();
                        bestGain = g;
                    }
                }
                community[i] = best;
                communityStrength[best] += strength[i];
                changed |= best != own;
            }
        }
        return community;
    }

    /** Modularity gain, up to a constant factor, of putting a node into a community. */
    private double gain(
            double linkWeight, double communityStrength, double nodeStrength, double total) {
        return linkWeight - resolution * communityStrength * nodeStrength / total;
    }

    /** Renumbers communities from 0 by first appearance; returns how many there are. */
    private static int renumber(int[] community) {
        Map<Integer, Integer> numbers = new TreeMap<>();
        int[] order = new int[community.length];
        for (int i = 0; i < community.length; i++) {
            Integer number = numbers.get(community[i]);
            if (number == null) {
                number = numbers.size();
                numbers.put(community[i], number);
            }
            order[i] = number;
        }
        System.arraycopy(order, 0, community, 0, community.length);
        return numbers.size();
    }

    /** The graph of communities; a community's internal weight becomes its self-loop. */
    private static List<Map<Integer, Double>> aggregate(
            List<Map<Integer, Double>> graph, int[] community, int count) {
        List<Map<Integer, Double>> merged = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            merged.add(new TreeMap<>());
        }
        for (int i = 0; i < graph.size(); i++) {
            int from = community[i];
            graph.get(i).forEach((j, w) -> merged.get(from).merge(community[j], w, Double::sum));
        }
        return merged;
    }
}
