// evacsim command line (placeholder until the CLI lands).
#include <iostream>
int main() {
  std::cout << "evacsim\n";
  return 0;
}
