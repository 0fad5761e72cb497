#!/usr/bin/env bash
# notebooks/run.sh: build kg and the seed graph, start kg serve on a free
# loopback port, and execute every notebook headless; any cell error fails.
#
# Needs Debian's jupyter-notebook, python3-nbconvert, python3-ipykernel,
# python3-rdflib, python3-pandas and python3-networkx (for /usr/bin/python3),
# and the GoNB kernel for kg-go.ipynb (installed here when missing).
# Executed notebooks are written to $KG_NOTEBOOK_OUT (default: a temporary
# directory), never over the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
py=/usr/bin/python3 # Debian's Python, which has the Jupyter packages
work=$(mktemp -d /tmp/kg-notebooks.XXXXXX)
out=${KG_NOTEBOOK_OUT:-$work/out}
mkdir -p "$out"
server=
cleanup() {
	if [ -n "$server" ]; then
		kill "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$work/bin" "$work/seeds.db"
}
trap cleanup EXIT

export GOBIN=${GOBIN:-$(go env GOPATH)/bin}
export PATH="$GOBIN:$PATH"
if ! command -v gonb >/dev/null || ! command -v goimports >/dev/null; then
	# "go install pkg@version" is refused by the module proxy here, so GoNB is
	# built from a throwaway module.
	mod="$work/gonb"
	mkdir -p "$mod"
	(cd "$mod" && go mod init gonbbuild >/dev/null 2>&1 &&
		go get github.com/janpfeifer/gonb@v0.11.4 &&
		go build -o "$GOBIN/gonb" github.com/janpfeifer/gonb &&
		go install golang.org/x/tools/cmd/goimports@v0.39.0)
fi
if ! "$py" -c 'from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec("gonb")' 2>/dev/null; then
	gonb --install --force_deps >/dev/null # gopls only helps editing
fi

go build -o "$work/bin/kg" ./cmd/kg
export KG_BIN="$work/bin/kg" KG_GRAPH="$work/seeds.db" KG_REPO="$repo"
"$KG_BIN" build -o "$KG_GRAPH" testdata/seeds

"$KG_BIN" serve -addr 127.0.0.1:0 "$KG_GRAPH" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
	KG_URL=$(sed -n 's|.* on \(http://[0-9.:]*\)$|\1|p' "$work/serve.log")
	[ -n "$KG_URL" ] && break
	kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
	sleep 0.1
done
[ -n "$KG_URL" ] || { echo "kg serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
export KG_URL PYDEVD_DISABLE_FILE_VALIDATION=1

status=0
for nb in notebooks/kg-python.ipynb notebooks/kg-http.ipynb notebooks/kg-go.ipynb; do
	name=$(basename "$nb" .ipynb)
	echo "--- $name"
	if ! "$py" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
		--output-dir "$out" --output "$name.out.ipynb" "$nb"; then
		echo "FAIL $name" >&2
		status=1
	fi
done
echo "executed notebooks in $out"
exit $status
