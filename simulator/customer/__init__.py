"""The simulated customer: hidden state, brain (policy), mouth (words) and the simulator contract."""
