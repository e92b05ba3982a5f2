#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace countersign::core {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(QByteArrayView bytes);
    QByteArray finish(); // 32 raw bytes; the object can be reused afterwards

    static QByteArray hash(QByteArrayView bytes);
    static QByteArray hex(QByteArrayView bytes);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace countersign::core
