demo-openai: 22 models in 19 groups  (key #1)
gpt-4o
   1  gpt-4o                  chat vision tools web-search
   2  gpt-4o-mini             chat vision tools web-search
gpt-4.1
   3  gpt-4.1                 chat vision tools web-search
o3-mini
   4  o3-mini                 chat reasoning tools web-search
o4-mini
   5  o4-mini                 chat vision reasoning tools web-search
text-embedding
   6  text-embedding-3-small  embedding
   7  text-embedding-3-large  embedding
bge-reranker
   8  bge-reranker-v2-m3      rerank
dall-e
   9  dall-e-3                image
gpt-image
  10  gpt-image-1             vision image
claude-sonnet
  11  claude-sonnet-4-5       chat vision reasoning tools web-search
claude-haiku
  12  claude-haiku-4-5        chat vision reasoning tools web-search
claude-opus
  13  claude-opus-4-1         chat vision reasoning tools web-search
gemini-2.5
  14  gemini-2.5-flash        chat vision reasoning tools web-search
  15  gemini-2.5-pro          chat vision reasoning tools web-search
gemini-embedding
  16  gemini-embedding-001    embedding
qwen3-32b
  17  qwen3-32b               chat reasoning tools
qwen-vl
  18  qwen-vl-max             chat vision tools
deepseek-chat
  19  deepseek-chat           chat reasoning tools
deepseek-reasoner
  20  deepseek-reasoner       chat reasoning tools
llama3.2-vision
  21  llama3.2-vision         chat vision
nomic-embed
  22  nomic-embed-text        embedding
add with: + <number|id|group:<name>|'glob'>
