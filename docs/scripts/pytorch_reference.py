"""A hand-written PyTorch sentence VAE at textvae's benchmark shapes, as a yardstick for textvae bench.

Same computation as textvae: embedding, bidirectional GRU encoder (final states of both
directions) to mu and log sigma^2, z -> tanh(linear) -> the GRU decoder's initial state, teacher
forcing, a vocabulary layer, Adam with gradient clipping; greedy generation feeds each chosen token
back with the state. Random weights: speed does not depend on their values.

Run with docs/scripts/pytorch-reference.sh (it makes a virtual environment from local wheels).
Prints one CSV row per measurement.
"""
import argparse
import time

import torch
from torch import nn


class SentenceVae(nn.Module):
    def __init__(self, vocabulary, embedding, hidden, latent):
        super().__init__()
        self.embed = nn.Embedding(vocabulary, embedding)
        self.encoder = nn.GRU(embedding, hidden, batch_first=True, bidirectional=True)
        self.posterior = nn.Linear(2 * hidden, 2 * latent)
        self.latent_to_state = nn.Linear(latent, hidden)
        self.decoder = nn.GRU(embedding, hidden, batch_first=True)
        self.to_vocabulary = nn.Linear(hidden, vocabulary)

    def loss(self, words, decoder_inputs, targets):
        _, final = self.encoder(self.embed(words))  # (2, batch, hidden): both directions
        mean, log_var = self.posterior(torch.cat([final[0], final[1]], 1)).chunk(2, 1)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        state = torch.tanh(self.latent_to_state(z)).unsqueeze(0)
        outputs, _ = self.decoder(self.embed(decoder_inputs), state)
        logits = self.to_vocabulary(outputs)
        batch = words.shape[0]
        reconstruction = nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), reduction="sum") / batch
        kl = 0.5 * (mean.pow(2) + log_var.exp() - 1 - log_var).sum() / batch
        return reconstruction + kl

    @torch.inference_mode()
    def greedy(self, z, length, bos, banned):
        state = torch.tanh(self.latent_to_state(z))
        bias = self.to_vocabulary.bias.clone()
        bias[banned] = float("-inf")
        cell = nn.GRUCell(self.decoder.input_size, self.decoder.hidden_size)
        cell.weight_ih, cell.weight_hh = self.decoder.weight_ih_l0, self.decoder.weight_hh_l0
        cell.bias_ih, cell.bias_hh = self.decoder.bias_ih_l0, self.decoder.bias_hh_l0
        token = torch.full((z.shape[0],), bos, dtype=torch.long)
        emitted = []
        for _ in range(length):
            state = cell(self.embed(token), state)
            token = torch.addmm(bias, state, self.to_vocabulary.weight.t()).argmax(1)
            emitted.append(token)
        return torch.stack(emitted, 1)


def train_tokens_per_s(vocabulary, embedding, hidden, latent, batch, tokens, steps):
    torch.manual_seed(42)
    model = SentenceVae(vocabulary, embedding, hidden, latent)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    words = torch.randint(4, vocabulary, (batch, tokens - 1))
    decoder_inputs = torch.cat([torch.full((batch, 1), 2), words], 1)
    targets = torch.cat([words, torch.full((batch, 1), 3)], 1)

    def step():
        optimizer.zero_grad()
        loss = model.loss(words, decoder_inputs, targets)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()

    for _ in range(5):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return batch * tokens * steps / (time.perf_counter() - start)


def generate_lines_per_s(vocabulary, embedding, hidden, latent, batch, tokens, lines):
    torch.manual_seed(42)
    model = SentenceVae(vocabulary, embedding, hidden, latent).eval()
    banned = torch.tensor([0, 1, 2, 3])  # <pad>, <unk>, <bos>, <eos>: fixed-length lines
    for seed in range(3):
        model.greedy(torch.randn(batch, latent), tokens, 2, banned)
    start = time.perf_counter()
    done = 0
    while done < lines:
        done += model.greedy(torch.randn(batch, latent), tokens, 2, banned).shape[0]
    return done / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--train-steps", type=int, default=40)
    parser.add_argument("--lines", type=int, default=4096)
    parser.add_argument("--generation-only", action="store_true",
                        help="skip the two training measurements")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print("measurement,value,unit,torch,threads")
    tail = f"{torch.__version__},{args.threads}"
    # The shapes of textvae's bench (bench/Shape.java); generation at the default model's shape.
    shapes = {"ptb": (10_000, 300, 256, 16, 32, 25), "tang": (8_400, 300, 256, 16, 128, 7)}
    for name, shape in ({} if args.generation_only else shapes).items():
        rate = train_tokens_per_s(*shape, args.train_steps)
        print(f"train_{name}_tokens_per_s,{rate:.0f},tokens/s,{tail}", flush=True)
    rate = generate_lines_per_s(6_661, 300, 256, 32, 128, 7, args.lines)
    print(f"generate_lines_per_s,{rate:.0f},lines/s,{tail}", flush=True)


if __name__ == "__main__":
    main()
