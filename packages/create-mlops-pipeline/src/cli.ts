console.log('create-mlops-pipeline');
