#include "core/EvidenceBundleGuide.h"

#include "core/EvidenceBundleLayout.h"

#include <QJsonArray>

namespace countersign::core {

namespace {

using L = EvidenceBundleLayout;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Shell helpers every block defines for itself, so each can be pasted alone.
const char *const kB64d
    = "b64d() { s=$1; while [ $(( ${#s} % 4 )) -ne 0 ]; do s=\"$s=\"; done; printf '%s' \"$s\" | basenc --base64url "
      "-d; }\n";
const char *const kH64
    = "h64() { sha256sum \"$1\" | cut -c1-64 | tr a-f A-F | basenc --base16 -d | basenc --base64url | tr -d '='; }\n";

QString block(const QString &name, const QString &body)
{
    return QStringLiteral("<!-- block: %1 -->\n```sh\n( set -e\n%2)\n```\n\n").arg(name, body);
}

} // namespace

QString EvidenceBundleGuide::text(const QJsonObject &manifest)
{
    const QJsonObject brokerKey = manifest.value(QStringLiteral("broker_key")).toObject();
    const QString brokerKeyId = brokerKey.value(QStringLiteral("key_id")).toString();
    const QJsonObject audit = manifest.value(QStringLiteral("audit")).toObject();
    const qint64 first = audit.value(QStringLiteral("first_seq")).toInteger();
    const qint64 last = audit.value(QStringLiteral("last_seq")).toInteger();
    const QJsonArray actions = manifest.value(QStringLiteral("actions")).toArray();
    const QJsonArray approverKeys = manifest.value(QStringLiteral("approver_keys")).toArray();
    const QString lastCheckpoint = L::checkpoint(last);

    QString t;
    t += s("# Verifying this evidence bundle\n\n");
    t += QStringLiteral("Format `%1`, created %2 by %3.\n")
             .arg(manifest.value(QStringLiteral("format")).toString(),
                  manifest.value(QStringLiteral("created_at")).toString(),
                  manifest.value(QStringLiteral("created_by")).toString());
    const QString selection = manifest.value(QStringLiteral("selection")).toString();
    if (!selection.isEmpty())
        t += QStringLiteral("Selection: %1.\n").arg(selection);
    t += QStringLiteral("\nIt holds %1 action(s), their signed decisions, audit entries seq %2 to %3 of the broker's "
                        "hash-chained log, %4 checkpoint(s) the broker signed over that log, and the public keys "
                        "of the broker (`%5`, key id `%6`) and of the approvers.\n\n")
             .arg(actions.size())
             .arg(first)
             .arg(last)
             .arg(audit.value(QStringLiteral("checkpoints")).toArray().size())
             .arg(L::brokerKey(), brokerKeyId);
    t += s("Nothing in this directory vouches for itself, including this file and the keys it holds. The one\n"
           "thing to obtain elsewhere is the broker's public key (from the broker's operators, its\n"
           "`keys/broker.pub`, or the console's pinned connection profile): compare its key id with the one\n"
           "above, or pass it to `countersignctl`. The broker's checkpoint signatures then vouch for the\n"
           "audit entries, and the audit entries for the actions, the decisions and the approvers' key ids\n"
           "(a key id is the SHA-256 of the public key, so the key files cannot be swapped).\n\n"
           "The file format is described in the Countersign documentation, `docs/evidence-bundle.md`.\n\n");

    t += s("## 1. With countersignctl\n\n"
           "    countersignctl verify-bundle . --broker-key /path/to/trusted/broker.pub\n\n"
           "checks every signature, digest, hash and link below, prints a summary and exits 0 only if all of\n"
           "them verify; otherwise it exits 1 and names the first file that failed and why. Without\n"
           "`--broker-key` it uses the bundle's own `keys/broker.pub` and says so.\n\n"
           "`countersignctl digest actions/ID/action.json` recomputes an action's digest from the full action;\n"
           "`countersignctl verify --pub KEY.pub FILE.jws` checks a single JWS.\n\n");

    t += s("## 2. By hand, with openssl and sha256sum\n\n"
           "Run these from this directory in bash (coreutils `sha256sum`, `basenc`, OpenSSL 3). Each block is a\n"
           "subshell: it prints what it checked and stops with exit status 1 at the first check that fails.\n"
           "Hashes are written `sha256:` + base64url (RFC 4648 §5, no padding) of the 32-byte SHA-256; the\n"
           "helper `h64` turns `sha256sum`'s hex into that form, `b64d` decodes unpadded base64url.\n\n");

    // Keys.
    t += s("### 2.1 Keys\n\n"
           "A key id is `ed25519:` + base64url(SHA-256(raw 32-byte public key)); the raw key is the last 32\n"
           "bytes of the DER SubjectPublicKeyInfo.\n\n");
    QString keys = s("kid() { openssl pkey -pubin -in \"$1\" -outform DER | tail -c 32 | sha256sum | cut -c1-64 | tr "
                     "a-f A-F | basenc --base16 -d | basenc --base64url | tr -d '='; }\n");
    keys += QStringLiteral("test \"ed25519:$(kid %1)\" = \"%2\" || { echo \"%1 is not %2\"; exit 1; }\necho \"%1 is "
                           "%2\"\n")
                .arg(L::brokerKey(), brokerKeyId);
    for (const QJsonValue &value : approverKeys) {
        const QJsonObject key = value.toObject();
        keys += QStringLiteral("test \"ed25519:$(kid %1)\" = \"%2\" || { echo \"%1 is not %2\"; exit 1; }\necho \"%1 "
                               "is %2\"\n")
                    .arg(key.value(QStringLiteral("file")).toString(), key.value(QStringLiteral("key_id")).toString());
    }
    t += block(QStringLiteral("keys"), keys);

    // Chain.
    t += QStringLiteral(
             "### 2.2 The hash chain\n\n"
             "Each `audit/hashed/SEQ.json` holds the exact bytes an entry's hash covers: the RFC 8785 canonical "
             "JSON of the entry without its `hash` member (`audit/entries/SEQ.json` is the same entry with it). "
             "An entry's `prev_hash` is the hash of the entry before; `%1` holds the `prev_hash` of the first "
             "entry (seq %2)%3. The loop recomputes every hash with `sha256sum`, checks each entry's `prev_hash` "
             "(the last two members of the canonical form are `prev_hash` and `seq`) and `hash`, and compares "
             "the last hash with the `head_hash` the broker signed in its checkpoint at seq %4.\n\n")
             .arg(L::previousHash())
             .arg(first)
             .arg(first == 1 ? QStringLiteral(", the genesis hash of 32 zero bytes")
                             : QStringLiteral("; the entries before it are not in the bundle, but the broker's "
                                              "checkpoint signature over the head commits to them too"))
             .arg(last);
    QString chain = s(kH64);
    chain += QStringLiteral(
                 "prev=$(cat %1)\n"
                 "for f in %2/*.json; do\n"
                 "  n=$(basename \"$f\" .json | sed 's/^0*//')\n"
                 "  want=\"\\\"prev_hash\\\":\\\"$prev\\\",\\\"seq\\\":$n}\"\n"
                 "  [ \"$(tail -c ${#want} \"$f\")\" = \"$want\" ] || { echo \"chain BROKEN: seq $n does not "
                 "link to $prev\"; exit 1; }\n"
                 "  prev=\"sha256:$(h64 \"$f\")\"\n"
                 "  grep -qF \"\\\"hash\\\":\\\"$prev\\\"\" \"%3/${f##*/}\" || { echo \"%3/${f##*/} does not carry "
                 "its hash $prev\"; exit 1; }\n"
                 "done\n"
                 "echo \"chain: seq %4 to %5 linked, head $prev\"\n"
                 "grep -qF \"\\\"head_hash\\\":\\\"$prev\\\"\" %6.payload.json || { echo \"the head is not the "
                 "head_hash signed in %6\"; exit 1; }\n"
                 "echo \"the head is the head_hash the broker signed in %6 (signature checked in 2.3)\"\n")
                 .arg(L::previousHash(), L::hashedDir(), L::entriesDir())
                 .arg(first)
                 .arg(last)
                 .arg(lastCheckpoint);
    t += block(QStringLiteral("chain"), chain);

    // Checkpoints.
    t += QStringLiteral("### 2.3 The broker's checkpoints\n\n"
                        "Each checkpoint is a JWS (`NAME.jws`); `NAME.signing-input` is the part before its last "
                        "dot (the bytes Ed25519 signed), `NAME.sig` the raw 64-byte signature after it, and "
                        "`NAME.payload.json` the decoded statement (`seq`, `head_hash`, `issued_at`, `broker`). "
                        "The signature check itself is\n\n"
                        "    openssl pkeyutl -verify -pubin -inkey %1 -rawin -in %2.signing-input -sigfile %2.sig\n\n"
                        "and the block does it for every checkpoint, after checking that the three files are the "
                        "parts of the JWS:\n\n")
             .arg(L::brokerKey(), lastCheckpoint);
    QString cps = s(kB64d);
    cps += QStringLiteral("for b in %1/*.jws; do\n"
                          "  b=${b%.jws}; J=$(cat \"$b.jws\"); P=${J#*.}\n"
                          "  printf '%s' \"${J%.*}\" | cmp -s - \"$b.signing-input\" || { echo \"$b.signing-input is "
                          "not part of $b.jws\"; exit 1; }\n"
                          "  b64d \"${J##*.}\" | cmp -s - \"$b.sig\" || { echo \"$b.sig is not part of $b.jws\"; exit "
                          "1; }\n"
                          "  b64d \"${P%.*}\" | cmp -s - \"$b.payload.json\" || { echo \"$b.payload.json is not part "
                          "of $b.jws\"; exit 1; }\n"
                          "  openssl pkeyutl -verify -pubin -inkey %2 -rawin -in \"$b.signing-input\" -sigfile "
                          "\"$b.sig\"\n"
                          "  echo \"$b: $(cat \"$b.payload.json\")\"\n"
                          "done\n")
               .arg(L::checkpointsDir(), L::brokerKey());
    t += block(QStringLiteral("checkpoints"), cps);
    t += QStringLiteral("Every `seq` signed there must be an entry of the chain and its `head_hash` that entry's "
                        "hash; the last one (seq %1) is compared in 2.2.\n\n")
             .arg(last);

    // Decisions.
    t += s("### 2.4 Each decision\n\n"
           "`actions/ID/action.json` is the action as the broker holds it; `digest-input.json` the exact bytes\n"
           "its digest covers (the action without `seq`, `status` and `decisions`, canonical JSON). A decision\n"
           "is valid when its Ed25519 signature verifies with the approver's key, it signs that digest and this\n"
           "action id, and the broker's log records it (`decision_accepted`, whose `statement_sha256` is the\n"
           "hash of the JWS) and the digest (`submitted`). The verdict, reason and time are in the payload.\n\n");
    int decisionCount = 0;
    for (const QJsonValue &value : actions) {
        const QJsonObject action = value.toObject();
        const QString id = action.value(QStringLiteral("id")).toString();
        const bool purged = action.value(QStringLiteral("purged")).toBool();
        const QJsonArray decisions = action.value(QStringLiteral("decisions")).toArray();
        t += QStringLiteral("#### %1 — %2, status %3\n\n")
                 .arg(id, action.value(QStringLiteral("tool")).toString(),
                      action.value(QStringLiteral("status")).toString());
        if (purged)
            t += s("Its content was purged under the retention policy, so `digest-input.json` no longer hashes to\n"
                   "the signed digest; the blocks check the signed digest against the one the broker recorded at\n"
                   "submission instead.\n\n");
        if (decisions.isEmpty())
            t += s("No signed decision (resolved by policy, expiry or a kill switch; see its audit entries).\n\n");
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            const QJsonObject d = decisions.at(i).toObject();
            const QString base = d.value(QStringLiteral("file")).toString();
            const QString keyFile = d.value(QStringLiteral("approver_key")).toString();
            t += QStringLiteral("Decision %1: %2 by `%3`, key `%4`.\n\n")
                     .arg(i + 1)
                     .arg(d.value(QStringLiteral("verdict")).toString(), d.value(QStringLiteral("approver")).toString(),
                          keyFile);
            QString body = s(kB64d) + s(kH64);
            body += QStringLiteral(
                        "D=%1\n"
                        "J=$(cat $D.jws); P=${J#*.}\n"
                        "printf '%s' \"${J%.*}\" | cmp -s - $D.signing-input || { echo \"$D.signing-input is not part "
                        "of $D.jws\"; exit 1; }\n"
                        "b64d \"${J##*.}\" | cmp -s - $D.sig || { echo \"$D.sig is not part of $D.jws\"; exit 1; }\n"
                        "b64d \"${P%.*}\" | cmp -s - $D.payload.json || { echo \"$D.payload.json is not part of "
                        "$D.jws\"; exit 1; }\n"
                        "openssl pkeyutl -verify -pubin -inkey %2 -rawin -in $D.signing-input -sigfile $D.sig\n")
                        .arg(base, keyFile);
            if (purged)
                body += s("digest=$(grep -o '\"action_digest\":\"sha256:[A-Za-z0-9_-]*\"' $D.payload.json | cut -d'\"' "
                          "-f4)\n");
            else
                body += QStringLiteral("digest=\"sha256:$(h64 %1)\"\n").arg(L::digestInput(id));
            body += QStringLiteral(
                        "grep -qF \"\\\"action_digest\\\":\\\"$digest\\\"\" $D.payload.json || { echo \"$D does not "
                        "sign the action's digest $digest\"; exit 1; }\n"
                        "grep -qF '\"action_id\":\"%1\"' $D.payload.json || { echo \"$D is not a decision on %1\"; "
                        "exit 1; }\n"
                        "echo \"signed: $(cat $D.payload.json)\"\n"
                        "grep -lF \"\\\"digest\\\":\\\"$digest\\\"\" %2/*.json | xargs -r grep -lF "
                        "'\"event\":\"submitted\"' | grep -q . || { echo \"the audit log does not record digest "
                        "$digest at submission\"; exit 1; }\n"
                        "statement=\"sha256:$(h64 $D.jws)\"\n"
                        "grep -lF \"\\\"statement_sha256\\\":\\\"$statement\\\"\" %2/*.json | grep -q . || { echo \"no "
                        "audit entry records $D.jws\"; exit 1; }\n"
                        "echo \"recorded by the broker in $(grep -lF \"\\\"statement_sha256\\\":\\\"$statement\\\"\" "
                        "%2/*.json)\"\n")
                        .arg(id, L::entriesDir());
            t += block(QStringLiteral("decision %1 %2").arg(id).arg(i + 1), body);
            ++decisionCount;
        }
    }
    if (decisionCount == 0)
        t += s("This bundle holds no signed decisions.\n\n");

    t += s("## 3. What a successful check means\n\n"
           "- the broker holding the trusted key signed checkpoints whose head hash commits to every entry in\n"
           "  the bundle, in order, with nothing inserted, removed or changed;\n"
           "- each action is, byte for byte, the one whose digest the broker recorded at submission, and its\n"
           "  status is the last one the log records;\n"
           "- each decision was signed by the private key of the approver key id it names, over that digest,\n"
           "  and was accepted by the broker (the log records its hash).\n\n"
           "It does not tell who held a key, or that the audit span shows everything that happened to the\n"
           "actions after its last checkpoint.\n");
    return t;
}

} // namespace countersign::core
