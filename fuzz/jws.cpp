// JWS compact serialisation: decoding and verification against a fixed key
// (RFC 8032 test key 1), for any bytes.
#include "core/Jws.h"

#include "FuzzSupport.h"
#include "core/Ed25519PublicKey.h"
#include "core/StatementType.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    static const auto key = Ed25519PublicKey::fromRaw(
        QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    const QByteArrayView input = fuzzInput(data, size);
    const JwsResult decoded = Jws::decode(input);
    if (key) {
        const JwsResult verified = Jws::verifyStatement(input, *key, statement_type::decision());
        // Nothing random verifies under a key whose private half it never saw.
        COUNTERSIGN_FUZZ_CHECK(!verified.ok() || decoded.ok());
    }
    return 0;
}
