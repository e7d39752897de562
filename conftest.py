"""For every test run, the notebooks' (nbval's) kernels included: kernel sockets as the build has them."""

from cnkz_build.kernels import use_private_sockets

use_private_sockets()
