#pragma once
// The colours every chart uses: one per pruning policy, and a ten-colour palette for
// series without a meaning of their own (classes, the two sides of an audit).
#include <QColor>
#include <cstddef>
#include <string>

namespace ps::ui {

QColor policyColour(const std::string& policy);  // hard red, easy blue, random grey, ccs green
QColor paletteColour(size_t i);                  // i modulo 10

}  // namespace ps::ui
