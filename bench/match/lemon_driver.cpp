// lemon_driver.cpp - the peer solver of bench/match: LEMON's NetworkSimplex
// (Debian liblemon-dev, default block-search pivot) on a DIMACS min-cost-flow
// file written by bench_match, so both solve exactly the same network.
//
// The graph is read once into a SmartDigraph; each of REPEAT runs constructs
// a NetworkSimplex on it, sets the maps and runs it (the whole solve from a
// built graph, as bench_match times mcf_solve). Prints key=value lines with
// the optimal cost and the median time.
//
// Usage: lemon_driver DIMACS REPEAT
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace lemon;

int main(int argc, char **argv)
{
	if (argc != 3) {
		std::fprintf(stderr, "usage: lemon_driver DIMACS REPEAT\n");
		return 2;
	}
	int repeat = std::max(1, (int)std::strtol(argv[2], nullptr, 10));
	FILE *f = std::fopen(argv[1], "r");
	if (!f)
		return 1;
	SmartDigraph g;
	SmartDigraph::ArcMap<long long> cap(g), cost(g);
	SmartDigraph::NodeMap<long long> supply(g);
	std::vector<SmartDigraph::Node> nodes;
	char line[256];
	while (std::fgets(line, sizeof line, f)) {
		if (line[0] == 'p') {
			long n, m;
			if (std::sscanf(line, "p min %ld %ld", &n, &m) != 2)
				return 1;
			g.reserveNode((int)n);
			g.reserveArc((int)m);
			for (long i = 0; i < n; i++) {
				nodes.push_back(g.addNode());
				supply[nodes.back()] = 0;
			}
		} else if (line[0] == 'n') {
			long v;
			long long s;
			if (std::sscanf(line, "n %ld %lld", &v, &s) != 2)
				return 1;
			supply[nodes[v - 1]] = s;
		} else if (line[0] == 'a') {
			long u, v;
			long long lo, c, w;
			if (std::sscanf(line, "a %ld %ld %lld %lld %lld", &u, &v, &lo, &c, &w) != 5)
				return 1;
			SmartDigraph::Arc a = g.addArc(nodes[u - 1], nodes[v - 1]);
			cap[a] = c;
			cost[a] = w;
		}
	}
	std::fclose(f);

	std::vector<double> times;
	long long total = 0;
	for (int i = 0; i < repeat; i++) {
		auto t0 = std::chrono::steady_clock::now();
		NetworkSimplex<SmartDigraph, long long, long long> ns(g);
		ns.upperMap(cap).costMap(cost).supplyMap(supply);
		NetworkSimplex<SmartDigraph, long long, long long>::ProblemType pt = ns.run();
		auto t1 = std::chrono::steady_clock::now();
		if (pt != NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL) {
			std::printf("lemon_status=not_optimal\n");
			return 1;
		}
		total = ns.totalCost();
		times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
	}
	std::sort(times.begin(), times.end());
	double med = times.size() % 2 ? times[times.size() / 2]
				      : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
	std::printf("lemon_cost=%lld\nlemon_ms=%.3f\n", total, med);
	return 0;
}
