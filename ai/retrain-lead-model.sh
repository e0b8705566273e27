#!/usr/bin/env bash
# Retrains the learned lead scorer, one command:   bash ai/retrain-lead-model.sh
#
# Simulates the SYNTHETIC history with a fixed seed (com.shisha.ai.leads.sim.LeadOutcomeSimulator), trains the
# logistic model with Tribuo on four partners in five, prints AUC of the learned model and of the baseline on the
# held-out partners and on a fresh simulation, and rewrites ai/src/main/resources/leads/lead-model.json.
# The same code always writes the same file; commit it with the change that caused the retrain.
# Environment: OFFLINE=1 passes -o to Maven.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MVN_FLAGS=(-q)
if [ "${OFFLINE:-0}" = 1 ]; then MVN_FLAGS+=(-o); fi
./mvnw "${MVN_FLAGS[@]}" -pl ai -am install -DskipTests
CP_FILE=ai/target/retrain.classpath
./mvnw "${MVN_FLAGS[@]}" -pl ai dependency:build-classpath -Dmdep.outputFile="$ROOT/$CP_FILE" -Dmdep.includeScope=compile
java -cp "ai/target/classes:$(cat "$CP_FILE")" com.shisha.ai.leads.train.RetrainLeadModel "$@"
