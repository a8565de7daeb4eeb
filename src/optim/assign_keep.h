/*
 * assign_keep.h - an hours-per-week staffing model (optim/assign.h) kept
 * in step with successive instances, so that a request added, changed or
 * withdrawn since the last plan is re-optimised from the last optimum
 * (MCF_WARM) instead of from scratch.
 *
 * The caller describes the whole instance each time, by its own ids: the
 * open requests (hours still wanted, board, priority), the pool members
 * (spare hours, board) and the candidate pairs (travel, allowed). The
 * keeper compares it with what its model holds and applies the difference:
 *
 *   - a request or member that is gone, or whose board or priority changed,
 *     is withdrawn (and, when still there, added again as a new one);
 *   - changed hours become assign_set_request_hours / assign_set_staff_hours;
 *   - a candidate pair that is gone, whose travel changed or that is no
 *     longer allowed is forbidden (assign_decline); a new or changed pair
 *     is added;
 *   - new requests, members and pairs are added.
 *
 * The answer equals a cold solve of the same instance in every level of
 * the objective (the optimiser is exact; tests/unit/test_assign_keep.c
 * checks this on random sequences of changes); with ties on every level
 * the lines may differ. When withdrawn entries outnumber live ones the
 * model is rebuilt, so it does not grow without bound.
 *
 * Ownership: struct assign_keep is opaque (assign_keep_new / _free); the
 * instance arrays stay the caller's. Thread-safety: one thread at a time.
 */
#ifndef SAMEN_OPTIM_ASSIGN_KEEP_H
#define SAMEN_OPTIM_ASSIGN_KEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "optim/assign.h"

struct assign_keep_request {
	int64_t id;                    /* unique in the instance */
	int32_t board, hours, priority; /* as struct assign_request */
};

struct assign_keep_staff {
	int64_t id; /* unique in the instance */
	int32_t board, hours;
};

struct assign_keep_candidate {
	int64_t request_id, staff_id; /* ids of the instance; one pair at most once */
	int32_t travel;
	bool allowed;
};

struct assign_instance {
	const struct assign_keep_request *reqs;
	size_t nreqs;
	const struct assign_keep_staff *staff;
	size_t nstaff;
	const struct assign_keep_candidate *cands;
	size_t ncands;
};

struct assign_keep;

/* An empty keeper (params as for assign_new; NULL: defaults). Errors: SAMEN_EINVAL, SAMEN_ENOMEM. */
int assign_keep_new(struct assign_keep **out, const struct assign_params *params,
		    struct samen_err *err);

/* Free k and its model. NULL is a no-op. */
void assign_keep_free(struct assign_keep *k);

/*
 * Bring the model in step with in and solve it (warm after the first
 * time; res->warm says which). A candidate naming an unknown request or
 * member id, or a duplicate id, is SAMEN_EINVAL (field named); other
 * errors as assign_solve. On an error the keeper starts afresh next time.
 * Release res with assign_result_release.
 */
int assign_keep_solve(struct assign_keep *k, const struct assign_instance *in,
		      struct assign_result *res, struct samen_err *err);

#endif
