#pragma once
// Precompiled header for facebench-core (see core/CMakeLists.txt). Only headers that many core
// files include belong here; the torch header dominates the build time.
#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>
