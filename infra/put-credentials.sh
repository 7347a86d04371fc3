#!/usr/bin/env bash
# Stores the Salesforce and HubSpot credentials as SSM SecureString parameters, under the names template.yaml
# expects by default. Values are read from files or prompted for without echo, so they never reach the shell history.
#
#   infra/put-credentials.sh jwt  path/to/salesforce-jwt-private-key.pem
#   infra/put-credentials.sh client-credentials
#   REGION=eu-west-1 PREFIX=/crm-sync infra/put-credentials.sh jwt key.pem
set -euo pipefail

PREFIX="${PREFIX:-/crm-sync}"
REGION="${REGION:-${AWS_REGION:-us-east-1}}"
mode="${1:-}"

put() { # name, value-file
  aws ssm put-parameter --region "$REGION" --type SecureString --overwrite --name "$1" --value "file://$2" >/dev/null
  echo "stored $1 (SecureString, $REGION)"
}

secret_file="$(mktemp)"
trap 'rm -f "$secret_file"' EXIT

case "$mode" in
  jwt)
    key="${2:?usage: $0 jwt path/to/private-key.pem (PKCS#8 PEM whose certificate is on the connected app)}"
    grep -q "BEGIN PRIVATE KEY" "$key" || { echo "$key is not a PKCS#8 PEM key (openssl pkcs8 -topk8 -nocrypt converts one)" >&2; exit 2; }
    put "$PREFIX/salesforce/private-key" "$key"
    ;;
  client-credentials)
    read -r -s -p "Salesforce client secret: " value; echo
    printf '%s' "$value" > "$secret_file"
    put "$PREFIX/salesforce/client-secret" "$secret_file"
    ;;
  *)
    echo "usage: $0 jwt KEY.pem | client-credentials" >&2
    exit 2
    ;;
esac

read -r -s -p "HubSpot private app / service key token: " token; echo
[[ "$token" == pat-* || -n "${ALLOW_ANY_TOKEN:-}" ]] || { echo "HubSpot tokens start with pat-; set ALLOW_ANY_TOKEN=1 to store it anyway" >&2; exit 2; }
printf '%s' "$token" > "$secret_file"
put "$PREFIX/hubspot/token" "$secret_file"
