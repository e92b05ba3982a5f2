#pragma once

// Private to core/: RAII owners for the OpenSSL objects Countersign uses.
// No header outside core/ may include this file or any OpenSSL header.

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace countersign::core::ossl {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};

inline void freeBio(BIO *b)
{
    BIO_free_all(b);
}

using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, freeBio>>;
using P8Info = std::unique_ptr<PKCS8_PRIV_KEY_INFO, Deleter<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>>;
using Sig = std::unique_ptr<X509_SIG, Deleter<X509_SIG, X509_SIG_free>>;
using Algor = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;

// The last OpenSSL error as text, and the error queue cleared.
const char *lastError();

// PEM password callback that never supplies a password. Passing nullptr instead
// makes OpenSSL prompt on the terminal (or read stdin) whenever a PEM block
// carries legacy "Proc-Type: 4,ENCRYPTED" headers. -1 means "no password";
// 0 would mean "the empty password".
inline int refusePemPassword(char *, int, int, void *)
{
    return -1;
}

} // namespace countersign::core::ossl
