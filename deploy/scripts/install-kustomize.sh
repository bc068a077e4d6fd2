#!/usr/bin/env bash
# Makes a kustomize binary available to the deploy tests (deploy/src/manifests/kustomize.ts looks in
# $KUSTOMIZE, <repo>/.cache/bin/kustomize, kustomize on PATH, then `kubectl kustomize`).
# Builds the pinned release from the Go module proxy into <repo>/.cache/bin (git-ignored) unless a
# kustomize is already there. Idempotent; CI calls it from .ci/run before the tests.
#   bash deploy/scripts/install-kustomize.sh
set -euo pipefail

KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.7.1}"   # v5.8+ needs Go >= 1.27
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
install_dir="${KUSTOMIZE_INSTALL_DIR:-$repo_root/.cache/bin}"
target="$install_dir/kustomize"

if [[ -x "$target" ]] && "$target" version 2>/dev/null | grep -q "${KUSTOMIZE_VERSION}"; then
  echo "kustomize ${KUSTOMIZE_VERSION} already installed: $target"
  exit 0
fi

if command -v go >/dev/null 2>&1; then
  echo "building kustomize ${KUSTOMIZE_VERSION} from the Go module proxy into $install_dir (1-3 minutes on 2 cores)..."
  mkdir -p "$install_dir"
  GOBIN="$install_dir" GOTOOLCHAIN=local GOFLAGS=-mod=mod \
    go install -p 1 "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}"
  "$target" version
  exit 0
fi

if command -v kustomize >/dev/null 2>&1; then
  echo "no Go toolchain; using kustomize from PATH: $(command -v kustomize)"
  exit 0
fi
if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  echo "no Go toolchain; the tests will use 'kubectl kustomize' ($(kubectl version --client 2>/dev/null | tr '\n' ' '))"
  exit 0
fi

echo "cannot provide kustomize: install Go (to build it) or kustomize/kubectl, then re-run" >&2
exit 1
