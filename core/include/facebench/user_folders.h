#pragma once
// The user's folders FaceBench reads and writes outside any project, after the XDG Base
// Directory specification (packaging/setup.sh uses the same rules).
#include <string>

namespace fb {

// $XDG_DATA_HOME/facebench, else ~/.local/share/facebench (./facebench without a home): what
// setup.sh fetches (MTCNN and the pretrained networks) and their converted weights.
std::string userDataFolder();

// $XDG_CACHE_HOME/facebench, else ~/.cache/facebench; "" without a home (then nothing is
// cached): dataset index caches.
std::string userCacheFolder();

} // namespace fb
